/// Texts that a great many values hold at once, each kept once for the process.
///
/// A policy's id is in every finding of the policy, an input's path in the source of every
/// resource read from it: findings built on all cores each copied both, and each copy wrote
/// the one reference count of the one string, which then travelled between the cores' caches
/// (building a 100k-resource run's findings took twice as long; a million's, 1.4 times).
/// `of(_:)` returns the process's copy of a text from the key table (`ObjectKey`), whose storage
/// is immortal: a copy reads it and writes nothing. Equal texts give the same copy; a text
/// stays for the life of the process, so this is for the few texts of a run that values share
/// (ids, paths), not for values read from the inputs.
public enum InternedText {
    /// The process's copy of `text` (equal to it).
    public static func of(_ text: String) -> String { ObjectKey(text).text }
}
