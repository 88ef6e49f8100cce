import BiasGradKit
import Foundation

let status = CommandLineTool.run(
    Array(CommandLine.arguments.dropFirst()),
    environment: ProcessInfo.processInfo.environment,
    standardOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) })
exit(status)
