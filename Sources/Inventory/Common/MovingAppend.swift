extension Array {
    /// Moves the elements of `optionals` that are not nil to the end of this array, in order, and
    /// leaves `optionals` all nil: each element is moved (`Optional.take()`), not copied. A copy
    /// of a resource retains every member it holds, and the source's release then releases them
    /// again, one after another on the reading thread, for every resource of an export.
    /// (No `reserveCapacity` here: called once per batch, an exact reservation would copy the
    /// whole array every time. A caller that knows the total reserves it once.)
    mutating func appendTakingEach(_ optionals: inout [Element?]) {
        for index in optionals.indices {
            if let element = optionals[index].take() { append(element) }
        }
    }
}
