import Testing
@testable import BiasGradKit

@Test func optionsDefaultToTheSeedCalculator() {
    let options = RunOptions()
    #expect(options.activation == .sigmoid)
    #expect(options.loss == .mse)
}
