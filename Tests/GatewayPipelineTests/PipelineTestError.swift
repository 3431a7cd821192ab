/// Errors the pipeline tests' in-memory stores throw.
enum PipelineTestError: Error {
    /// A store refused a write (a poisoned delivery).
    case storageFault(String)
}
