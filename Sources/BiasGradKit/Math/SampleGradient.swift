/// One valid sample's values, as the per-sample output reports them.
public struct SampleGradient: Sendable, Equatable {
    /// The pre-activation value read from a logits input; equal to `yHat` for activated input.
    public var z: Double

    /// The activated prediction, read or computed from `z`.
    public var yHat: Double

    /// The target.
    public var y: Double

    /// `yHat - y`.
    public var error: Double

    /// The activation derivative `d = f'(z)`.
    public var derivative: Double

    /// The per-sample bias gradient `g`.
    public var gradient: Double

    public init(
        z: Double, yHat: Double, y: Double, error: Double, derivative: Double, gradient: Double
    ) {
        self.z = z
        self.yHat = yHat
        self.y = y
        self.error = error
        self.derivative = derivative
        self.gradient = gradient
    }
}
