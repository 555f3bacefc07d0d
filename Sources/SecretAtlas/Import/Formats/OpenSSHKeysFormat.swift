/// OpenSSH public key files (`id_ed25519.pub`) and `authorized_keys` files, for SSH trust: an
/// `authorized_keys` file gives its resource's `authorizedKeys`; a `.pub` file beside a private key
/// that a scanner found gives that finding its `publicKeyFingerprint`.
enum OpenSSHKeysFormat: TextFormat {
    static let name = "openssh-keys"
    static let summary = "OpenSSH public key (.pub) or authorized_keys file"

    static func recognizes(prefix: String, fileName: String) -> Bool {
        if isAuthorizedKeys(fileName) { return true }
        guard let first = prefix.split(whereSeparator: \.isNewline).first(where: { !$0.hasPrefix("#") })
        else {
            return false
        }
        return SSHKeyFingerprint.fromPublicKeyLine(first) != nil
    }

    static func isAuthorizedKeys(_ fileName: String) -> Bool {
        fileName == "authorized_keys" || fileName == "authorized_keys2"
    }

    static func read(_ text: String, context: ImportContext) -> ScanInput {
        var input = ScanInput()
        var fingerprints: [String] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let fingerprint = SSHKeyFingerprint.fromPublicKeyLine(trimmed) else {
                input.diagnostics.append(
                    .report(
                        context.file, .line(offset + 1, path: nil),
                        "expected an OpenSSH public key: [options] type base64 [comment], such as ssh-ed25519 AAAA…."
                    ))
                continue
            }
            fingerprints.append(fingerprint)
        }
        let treePath = context.treePath ?? context.file
        guard let place = context.placement.place(treePath) else {
            input.diagnostics.append(
                .report(
                    context.file, .line(1, path: nil),
                    "cannot tell which resource this key file is on: "
                        + context.placement.unmatchedAdvice))
            return input
        }
        let fileName = String(treePath.split(separator: "/").last ?? "")
        input.sshKeyFiles.append(
            SSHKeyFileRecord(
                origin: RecordOrigin(file: context.file, location: .line(1, path: nil)),
                resource: place.resource,
                path: place.path, isAuthorizedKeys: isAuthorizedKeys(fileName), fingerprints: fingerprints))
        return input
    }
}
