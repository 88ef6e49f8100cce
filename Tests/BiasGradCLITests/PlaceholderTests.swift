import Testing
import Foundation

@Test func optionsDefaultToTheSeedCalculator() {
    let options = (activation: "sigmoid", loss: "mse")
    #expect(options.activation == "sigmoid")
    #expect(options.loss == "mse")
}
