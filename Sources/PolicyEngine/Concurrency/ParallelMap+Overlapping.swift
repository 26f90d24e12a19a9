import Dispatch

extension ParallelMap {
    /// `background` computed on another core while `body` runs on the calling thread (which may
    /// hold a database transaction or other state that cannot cross threads); returns both once
    /// both are done. When `body` throws, the background work is still waited for, so nothing
    /// outlives the call. The history uses it to hash a run's results document while inserting
    /// its rows.
    public static func overlapping<Background: Sendable, Output, Failure: Error>(
        _ background: @escaping @Sendable () -> Background, while body: () throws(Failure) -> Output
    ) throws(Failure) -> (background: Background, output: Output) {
        let slot = ResultSlots<Background>(count: 1)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { slot.store(background(), at: 0) }
        let output: Output
        do throws(Failure) {
            output = try body()
        } catch {
            group.wait()
            throw error
        }
        group.wait()
        // The group's wait orders the store before this read.
        guard let value = slot.take(at: 0) else { preconditionFailure("the background work stored no value") }
        return (value, output)
    }
}
