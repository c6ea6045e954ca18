#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <cstddef>
#include <vector>

// A byte buffer for key material and passwords: its memory is wiped (OPENSSL_cleanse)
// whenever it is freed or overwritten, and it never shares storage implicitly the way
// QByteArray does, so a copy cannot outlive the wipe unnoticed.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size); // zero-filled
    SecureBytes(const void* data, std::size_t size);
    // Takes the bytes of a QByteArray and wipes the source afterwards.
    static SecureBytes takeFrom(QByteArray& source);
    // UTF-8 bytes of a password; wipes nothing (QString storage cannot be reached safely).
    static SecureBytes fromUtf8(const QString& text);

    SecureBytes(const SecureBytes& other);
    SecureBytes& operator=(const SecureBytes& other);
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    ~SecureBytes();

    unsigned char* data() { return m_bytes.data(); }
    const unsigned char* data() const { return m_bytes.data(); }
    std::size_t size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.empty(); }
    QByteArrayView view() const;
    void clear(); // wipes and empties

    bool operator==(const SecureBytes& other) const; // constant time when sizes match

private:
    std::vector<unsigned char> m_bytes;
};
