#include "SecureBytes.h"

#include <QString>
#include <openssl/crypto.h>
#include <utility>

namespace {

void wipe(std::vector<unsigned char>& bytes)
{
    if (!bytes.empty())
        OPENSSL_cleanse(bytes.data(), bytes.size());
    bytes.clear();
}

} // namespace

SecureBytes::SecureBytes(std::size_t size)
    : m_bytes(size, 0)
{}

SecureBytes::SecureBytes(const void* data, std::size_t size)
{
    const auto* first = static_cast<const unsigned char*>(data);
    m_bytes.assign(first, first + size);
}

SecureBytes SecureBytes::takeFrom(QByteArray& source)
{
    // data() detaches first: a QByteArray sharing the storage keeps its bytes, and only the
    // private copy we are handed is wiped.
    char* bytes = source.data();
    SecureBytes result(bytes, std::size_t(source.size()));
    if (!source.isEmpty())
        OPENSSL_cleanse(bytes, std::size_t(source.size()));
    source.clear();
    return result;
}

SecureBytes SecureBytes::fromUtf8(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    return takeFrom(utf8);
}

// A plain copy: nothing to wipe yet in a new object (the assignment below has to).
SecureBytes::SecureBytes(const SecureBytes& other) = default;

SecureBytes& SecureBytes::operator=(const SecureBytes& other)
{
    if (this != &other) {
        // Wipe before assigning: the vector may reallocate and free the old storage.
        wipe(m_bytes);
        m_bytes = other.m_bytes;
    }
    return *this;
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        wipe(m_bytes);
        m_bytes = std::move(other.m_bytes);
        // Normally already empty; wipes anything a non-stealing move would have left.
        wipe(other.m_bytes);
    }
    return *this;
}

SecureBytes::~SecureBytes()
{
    wipe(m_bytes);
}

QByteArrayView SecureBytes::view() const
{
    return {m_bytes.data(), qsizetype(m_bytes.size())};
}

void SecureBytes::clear()
{
    wipe(m_bytes);
}

bool SecureBytes::operator==(const SecureBytes& other) const
{
    if (m_bytes.size() != other.m_bytes.size())
        return false;
    return m_bytes.empty() ||
           CRYPTO_memcmp(m_bytes.data(), other.m_bytes.data(), m_bytes.size()) == 0;
}
