import BiasGradTestSupport
import Foundation
import Testing

@testable import BiasGradKit

/// `NumberParser.parseField` on `text`, with the field's end as an offset.
private func parseField(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> (
    number: ParsedNumber, end: Int
) {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
        let start = buffer.baseAddress!
        let (number, end) = NumberParser.parseField(
            start, limit: start + buffer.count, delimiter: delimiter)
        return (number, end - start)
    }
}

/// The offset of the first delimiter, LF or CR in `text`, or its length.
private func firstFieldEnd(_ text: String, delimiter: UInt8) -> Int {
    Array(text.utf8).firstIndex { $0 == delimiter || $0 == 10 || $0 == 13 } ?? text.utf8.count
}

@Suite struct NumberFieldTests {
    @Test(arguments: [
        ("0.5,1", 0.5, 3),
        ("-0.25\n", -0.25, 5),
        (" 7 ;", 7, 3),
        ("\t12.5\t\r\n", 12.5, 6),
        ("1e3", 1000, 3),
        ("+.5|x", 0.5, 3),
    ] as [(String, Double, Int)])
    func readsTheNumberAndStopsAtTheFieldEnd(text: String, value: Double, end: Int) {
        let (number, fieldEnd) = parseField(text, delimiter: UInt8(ascii: text.contains(";")
            ? ";" : text.contains("|") ? "|" : ","))
        #expect(number == .value(value))
        #expect(fieldEnd == end)
    }

    @Test(arguments: [
        ("0,", 0.0, 1), ("1\n", 1.0, 1), ("7\r\n", 7.0, 1), ("9,0", 9.0, 1), ("3", 3.0, 1),
        ("-1,", -1.0, 2), ("15,", 15.0, 2), ("2 ,", 2.0, 2), ("4x,", .nan, 2),
    ] as [(String, Double, Int)])
    func readsALoneDigitAsItsValue(text: String, value: Double, end: Int) {
        let (number, fieldEnd) = parseField(text)
        #expect(number == (value.isNaN ? .notANumber : .value(value)))
        #expect(fieldEnd == end)
    }

    @Test func aLoneNegativeZeroKeepsItsSign() {
        guard case .value(let zero) = parseField("-0,1").number else {
            Issue.record("-0 is not a number")
            return
        }
        #expect(zero == 0 && zero.sign == .minus)
    }

    @Test(arguments: [("", 0), (",", 0), ("x,1", 1), ("1x,1", 2), ("1 2\n", 3), ("1e,", 2)])
    func findsTheEndOfAFieldThatIsNoNumber(text: String, end: Int) {
        let (number, fieldEnd) = parseField(text)
        #expect(number == .notANumber)
        #expect(fieldEnd == end)
    }

    @Test func aTabDelimiterEndsTheFieldInsteadOfBeingSkipped() {
        let tab = UInt8(ascii: "\t")
        #expect(parseField("\t1", delimiter: tab) == (.notANumber, 0))
        #expect(parseField(" 1 \t2", delimiter: tab) == (.value(1), 3))
    }

    @Test(arguments: Array("0123456789.+-eE".utf8))
    func bytesOfNumbersCannotBeDelimitersForTheOnePassRead(byte: UInt8) {
        #expect(NumberParser.isNumberByte(byte))
    }

    @Test(arguments: Array(",;|\t :x\0".utf8))
    func otherBytesCanBeDelimitersForTheOnePassRead(byte: UInt8) {
        #expect(!NumberParser.isNumberByte(byte))
    }

    /// Random doubles written in their shortest form and with 17 significant digits, with
    /// blanks, signs and a terminator around them, must read back to the same bits, and
    /// agree with `parse` on exactly the field's bytes.
    @Test(arguments: Array(",;|\t ".utf8))
    func agreesWithParseOnTheFieldBytesOfRandomFields(delimiter: UInt8) {
        var generator = SplitMix64(seed: 0xF1E1D + UInt64(delimiter))
        let after = [",", ";", "|", "\t", " ", "\n", "\r\n", "\r", "x", "", "  ,"]
        for round in 0..<20_000 {
            let value = round % 2 == 0
                ? Double.random(in: 0..<1, using: &generator)
                : Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            let literal = round % 3 == 0 ? String(format: "%.16e", value) : value.description
            let sign = ["", "-", "+"][Int(generator.next() % 3)]
            let blank = ["", " ", "\t"][Int(generator.next() % 3)]
            let text = blank + sign + literal + blank + after[Int(generator.next() % 11)]

            let (number, end) = parseField(text, delimiter: delimiter)
            let expectedEnd = firstFieldEnd(text, delimiter: delimiter)
            let field = String(decoding: Array(text.utf8)[..<expectedEnd], as: UTF8.self)
            #expect(end == expectedEnd, "\(text.debugDescription)")
            #expect(number == NumberParser.parse(field), "\(text.debugDescription)")
        }
    }

    @Test func readsEveryFractionLengthAroundTheEightByteSteps() {
        // The digits 1 to n after "0.", for n from 1 to 24, as read by Double(String) itself.
        var digits = ""
        for length in 1...24 {
            digits += String(length % 10)
            let text = "0." + digits
            #expect(parseField(text + ",") == (.value(Double(text)!), text.utf8.count))
            #expect(parseField(text) == (.value(Double(text)!), text.utf8.count))
        }
    }
}

@Suite struct DigitWordTests {
    @Test(arguments: [("12345678", 12_345_678), ("00000000", 0), ("99999999", 99_999_999),
        ("00000001", 1), ("10000000", 10_000_000)] as [(String, UInt64)])
    func readsEightDigitsAsOneNumber(text: String, value: UInt64) {
        let word = Array(text.utf8).withUnsafeBufferPointer { DigitWord($0.baseAddress!) }
        #expect(word.isAllDigits)
        #expect(word.valueOfAllDigits == value)
    }

    /// "/" and ":" sit just below and above the digits; 0xB0 to 0xB9 differ from them only
    /// in the top bit; a byte from 0x8A up would carry into the next lane.
    @Test(arguments: [0x2F, 0x3A, 0xB0, 0xB9, 0x8A, 0xFF, 0x00, 0x20] as [UInt8])
    func findsAnyByteThatIsNotADigit(byte: UInt8) {
        for position in 0..<8 {
            var bytes = Array("12345678".utf8)
            bytes[position] = byte
            let word = bytes.withUnsafeBufferPointer { DigitWord($0.baseAddress!) }
            #expect(!word.isAllDigits, "byte \(byte) at \(position)")
        }
    }
}
