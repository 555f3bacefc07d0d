internal import Crypto
import Foundation
internal import SwiftASN1

/// The `SHA256:…` fingerprint of an SSH public key, exactly as `ssh-keygen -l` prints it, derived from
/// a public key line or from a private key an importer saw (OpenSSH, PEM PKCS#1 or PKCS#8 RSA,
/// PKCS#8 Ed25519, SEC1 or PKCS#8 ECDSA).
///
/// The fingerprint is the unpadded base64 SHA-256 of the public key blob in SSH wire format.
enum SSHKeyFingerprint {
    /// Key types a public key line can carry.
    static let publicKeyTypes: Set<String> = [
        "ssh-rsa", "ssh-dss", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
        "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
        "ssh-ed448",
    ]

    /// The fingerprint of one `authorized_keys` or `.pub` line (options before the key type are
    /// skipped), or nil when the line holds no key.
    static func fromPublicKeyLine(_ line: Substring) -> String? {
        let fields = splitOutsideQuotes(line)
        guard let typeIndex = fields.firstIndex(where: { publicKeyTypes.contains($0) }),
            typeIndex + 1 < fields.count,
            let blob = Data(base64Encoded: fields[typeIndex + 1]),
            readString(Array(blob)[...]).map({ String(decoding: $0.value, as: UTF8.self) })
                == fields[typeIndex]
        else { return nil }
        return fingerprint(ofBlob: Array(blob))
    }

    /// The fingerprint of the first private key in `text`, or nil when there is none or it cannot be
    /// read without its passphrase (only the OpenSSH format stores the public half in clear).
    static func fromPrivateKey(_ text: String) -> String? {
        guard let block = PEMBlock.first(in: text) else { return nil }
        switch block.label {
        case "OPENSSH PRIVATE KEY":
            return openSSHPublicBlob(block.body).map(fingerprint(ofBlob:))
        case "RSA PRIVATE KEY":
            guard !block.encrypted else { return nil }
            return rsaBlob(pkcs1: block.body).map(fingerprint(ofBlob:))
        case "PRIVATE KEY":
            return pkcs8Blob(block.body, pem: block.text).map(fingerprint(ofBlob:))
        case "EC PRIVATE KEY":
            guard !block.encrypted else { return nil }
            return ecdsaBlob(pem: block.text).map(fingerprint(ofBlob:))
        default:
            return nil
        }
    }

    static func fingerprint(ofBlob blob: [UInt8]) -> String {
        var encoded = Data(SHA256.hash(data: blob)).base64EncodedString()
        while encoded.hasSuffix("=") { encoded.removeLast() }
        return "SHA256:" + encoded
    }

    // MARK: OpenSSH

    /// `openssh-key-v1\0`, string cipher, string kdf, string kdf options, uint32 count, string public key.
    private static func openSSHPublicBlob(_ bytes: [UInt8]) -> [UInt8]? {
        let magic = Array("openssh-key-v1".utf8) + [0]
        guard bytes.starts(with: magic) else { return nil }
        var rest = bytes[magic.count...]
        for _ in 0..<3 {
            guard let field = readString(rest) else { return nil }
            rest = field.rest
        }
        guard rest.count >= 4 else { return nil }
        rest = rest.dropFirst(4)
        return readString(rest).map { Array($0.value) }
    }

    // MARK: DER (through swift-asn1)

    private static let rsaEncryption: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]
    private static let ed25519: [UInt8] = [0x2B, 0x65, 0x70]
    private static let ecPublicKey: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01]

    /// RSAPrivateKey ::= SEQUENCE { version, modulus, publicExponent, … }; the INTEGER contents are
    /// already SSH `mpint`s (minimal two's complement, big-endian).
    private static func rsaBlob(pkcs1 der: [UInt8]) -> [UInt8]? {
        guard let fields = children(try? DER.parse(der)), fields.count >= 3,
            let modulus = primitive(fields[1]), let exponent = primitive(fields[2])
        else { return nil }
        return sshString(Array("ssh-rsa".utf8)) + sshString(Array(exponent)) + sshString(Array(modulus))
    }

    /// PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier, OCTET STRING privateKey, … }.
    private static func pkcs8Blob(_ der: [UInt8], pem: String) -> [UInt8]? {
        guard let fields = children(try? DER.parse(der)), fields.count >= 3,
            let algorithm = children(fields[1])?.first.flatMap(primitive),
            let privateKey = primitive(fields[2])
        else { return nil }
        switch Array(algorithm) {
        case rsaEncryption:
            return rsaBlob(pkcs1: Array(privateKey))
        case ed25519:
            // CurvePrivateKey ::= OCTET STRING (the 32-byte seed).
            guard let seed = primitive(try? DER.parse(Array(privateKey))),
                let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            else { return nil }
            return sshString(Array("ssh-ed25519".utf8)) + sshString(Array(key.publicKey.rawRepresentation))
        case ecPublicKey:
            return ecdsaBlob(pem: pem)
        default:
            return nil
        }
    }

    /// swift-crypto reads SEC1 and PKCS#8 ECDSA keys; the curve is whichever accepts the key.
    private static func ecdsaBlob(pem: String) -> [UInt8]? {
        let point: (String, Data)?
        if let key = try? P256.Signing.PrivateKey(pemRepresentation: pem) {
            point = ("nistp256", key.publicKey.x963Representation)
        } else if let key = try? P384.Signing.PrivateKey(pemRepresentation: pem) {
            point = ("nistp384", key.publicKey.x963Representation)
        } else if let key = try? P521.Signing.PrivateKey(pemRepresentation: pem) {
            point = ("nistp521", key.publicKey.x963Representation)
        } else {
            point = nil
        }
        guard let (curve, q) = point else { return nil }
        return sshString(Array("ecdsa-sha2-\(curve)".utf8)) + sshString(Array(curve.utf8))
            + sshString(Array(q))
    }

    private static func children(_ node: ASN1Node?) -> [ASN1Node]? {
        guard let node, case .constructed(let nodes) = node.content else { return nil }
        return Array(nodes)
    }

    private static func primitive(_ node: ASN1Node?) -> ArraySlice<UInt8>? {
        guard let node, case .primitive(let bytes) = node.content else { return nil }
        return bytes
    }

    // MARK: SSH wire format

    private static func sshString(_ bytes: [UInt8]) -> [UInt8] {
        let count = UInt32(bytes.count)
        return [
            UInt8(count >> 24), UInt8((count >> 16) & 0xFF), UInt8((count >> 8) & 0xFF), UInt8(count & 0xFF),
        ]
            + bytes
    }

    private static func readString(_ bytes: ArraySlice<UInt8>) -> (
        value: ArraySlice<UInt8>, rest: ArraySlice<UInt8>
    )? {
        guard bytes.count >= 4 else { return nil }
        let start = bytes.startIndex
        let count = bytes[start..<(start + 4)].reduce(0) { $0 << 8 | Int($1) }
        guard bytes.count - 4 >= count else { return nil }
        return (bytes[(start + 4)..<(start + 4 + count)], bytes[(start + 4 + count)...])
    }

    /// Splits on spaces and tabs, keeping quoted option values (`command="a b"`) whole.
    private static func splitOutsideQuotes(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() }
            if !quoted, character == " " || character == "\t" {
                if !current.isEmpty { fields.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }
}

/// The first `-----BEGIN <label>-----` … `-----END <label>-----` block of a text.
struct PEMBlock {
    let label: String
    /// The base64-decoded body.
    let body: [UInt8]
    /// Whether the legacy `Proc-Type: 4,ENCRYPTED` header is present.
    let encrypted: Bool
    /// The block's own text, armour included.
    let text: String

    static func first(in text: String) -> PEMBlock? {
        guard let begin = text.range(of: "-----BEGIN "),
            let labelEnd = text.range(of: "-----", range: begin.upperBound..<text.endIndex)
        else { return nil }
        let label = String(text[begin.upperBound..<labelEnd.lowerBound])
        let endMarker = "-----END \(label)-----"
        let end = text.range(of: endMarker, range: labelEnd.upperBound..<text.endIndex)
        // Scanners sometimes report a key cut at its first lines (trufflehog normalises, checkov masks);
        // without its end the body is incomplete and nothing can be derived.
        guard let end else { return nil }
        let inner = text[labelEnd.upperBound..<end.lowerBound]
        var encrypted = false
        var base64 = ""
        // Scanners may report the key with its newlines escaped or removed; split on both.
        for line in inner.replacingOccurrences(of: "\\n", with: "\n").split(whereSeparator: \.isNewline) {
            if line.contains(":") {
                if line.contains("ENCRYPTED") { encrypted = true }
                continue
            }
            base64 += line.filter { !$0.isWhitespace }
        }
        guard let body = Data(base64Encoded: base64) else { return nil }
        return PEMBlock(
            label: label, body: Array(body), encrypted: encrypted,
            text: String(text[begin.lowerBound..<end.upperBound]).replacingOccurrences(of: "\\n", with: "\n"))
    }
}
