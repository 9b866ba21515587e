# Writes FILE.sha256: the hex SHA-256 of FILE, which NativeLibrary's extractor checks.
file(SHA256 "${FILE}" digest)
file(WRITE "${FILE}.sha256" "${digest}\n")
