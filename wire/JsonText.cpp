#include "JsonText.h"

#include <QByteArrayView>
#include <QCborValue>
#include <QJsonDocument>
#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

namespace {

// Whether any of the eight bytes of `word` is a control character, a quote or a backslash
// (the classic test for a zero byte, on word ^ the byte searched for).
bool needsEscape(quint64 word)
{
    constexpr quint64 ones = 0x0101010101010101;
    constexpr quint64 highs = 0x8080808080808080;
    const auto hasZero = [](quint64 w) { return ((w - ones) & ~w & highs) != 0; };
    const bool control = ((word - ones * 0x20) & ~word & highs) != 0;
    return control || hasZero(word ^ (ones * '"')) || hasZero(word ^ (ones * '\\'));
}

// From `at` in the text of a string, past every eight bytes of which none needs escaping
// (nor, when `asciiOnly`, is beyond ASCII): where reading must go byte by byte.
const char* pastPlainWords(const char* at, const char* end, bool asciiOnly = false)
{
    for (quint64 word; end - at >= 8; at += 8) {
        std::memcpy(&word, at, 8);
        if (needsEscape(word) || (asciiOnly && (word & 0x8080808080808080) != 0))
            break;
    }
    return at;
}

// Reads the CBOR that QCborValue::toCbor() writes (RFC 8949) and writes its JSON text.
// translate() gives a null QByteArray on anything it leaves to Qt's writer.
class CborToJson
{
public:
    explicit CborToJson(QByteArrayView cbor)
        : m_at(reinterpret_cast<const uchar*>(cbor.data()))
        , m_end(m_at + cbor.size())
    {
        // A Bundle's JSON is an eighth longer than its CBOR (quotes, colons, commas against
        // one-byte heads: 1.125 on average over the 200 sample Bundles, 1.130 at most), so
        // a quarter more is one allocation for a Bundle; a doubling when it is not enough.
        m_json.resize(cbor.size() + cbor.size() / 4 + 64);
        m_cursor = m_json.data();
        m_limit = m_cursor + m_json.size();
    }

    // The JSON text, or a null QByteArray when the CBOR holds what JSON cannot.
    QByteArray translate()
    {
        if (!value() || m_at != m_end)
            return {};
        m_json.truncate(m_cursor - m_json.constData());
        return std::move(m_json);
    }

private:
    static constexpr quint64 Indefinite = ~quint64(0);

    enum Major : uchar
    {
        Unsigned = 0,
        Negative = 1,
        Bytes = 2,
        Text = 3,
        Array = 4,
        Map = 5,
        Tag = 6,
        Simple = 7,
    };

    // The major type and the argument of the item at m_at (Indefinite for a container of
    // indefinite length).
    bool head(uchar* major, quint64* argument)
    {
        if (m_at == m_end)
            return false;
        const uchar initial = *m_at++;
        *major = initial >> 5;
        const uchar info = initial & 0x1f;
        if (info < 24) {
            *argument = info;
            return true;
        }
        if (info == 31) {
            *argument = Indefinite;
            return *major == Array || *major == Map;
        }
        if (info > 27)
            return false;
        const int bytes = 1 << (info - 24);
        if (m_end - m_at < bytes)
            return false;
        quint64 n = 0;
        for (int i = 0; i < bytes; ++i)
            n = (n << 8) | *m_at++;
        *argument = n;
        return true;
    }

    bool atBreak() const { return m_at != m_end && *m_at == 0xff; }

    bool value()
    {
        if (m_at == m_end)
            return false;
        // Enough for a number's 20 digits and sign, or `false`; a string makes room for its
        // text, and the brackets and separators of containers for themselves.
        makeRoom(32);
        const uchar initial = *m_at;
        uchar major = 0;
        quint64 argument = 0;
        if (!head(&major, &argument))
            return false;
        switch (major) {
        case Unsigned:
            putNumber(argument, false);
            return true;
        case Negative:
            if (argument > quint64(std::numeric_limits<qint64>::max()))
                return false;              // beyond what a QJsonValue holds
            putNumber(argument + 1, true); // -1 - argument
            return true;
        case Text:
            return string(argument);
        case Array:
            return array(argument);
        case Map:
            return map(argument);
        case Simple:
            return simple(initial);
        default: // byte strings and tags: not JSON
            return false;
        }
    }

    bool array(quint64 count)
    {
        putMark('[');
        for (quint64 i = 0; count == Indefinite ? !atBreak() : i < count; ++i) {
            if (i > 0)
                putMark(',');
            if (!value())
                return false;
        }
        if (count == Indefinite && m_at++ == m_end)
            return false;
        putMark(']');
        return true;
    }

    bool map(quint64 count)
    {
        putMark('{');
        for (quint64 i = 0; count == Indefinite ? !atBreak() : i < count; ++i) {
            if (i > 0)
                putMark(',');
            uchar major = 0;
            quint64 length = 0;
            if (!head(&major, &length) || major != Text || !string(length))
                return false; // JSON keys are strings
            putMark(':');
            if (!value())
                return false;
        }
        if (count == Indefinite && m_at++ == m_end)
            return false;
        putMark('}');
        return true;
    }

    // A UTF-8 string of `length` bytes, escaped as Qt's JSON writer does: the quote, the
    // backslash and the control characters; everything else (UTF-8 included) as it is.
    bool string(quint64 length)
    {
        if (length > quint64(m_end - m_at))
            return false;
        const uchar* const end = m_at + length;
        // Six bytes at most for each (\u00XX), and the quotes.
        makeRoom(qsizetype(length) * 6 + 2);
        put('"');
        // Eight bytes at a time while none of them needs escaping, which is most of a Bundle.
        while (end - m_at >= 8) {
            quint64 word;
            std::memcpy(&word, m_at, 8);
            if (needsEscape(word))
                break;
            std::memcpy(m_cursor, &word, 8);
            m_cursor += 8;
            m_at += 8;
        }
        for (; m_at != end; ++m_at) {
            const uchar c = *m_at;
            if (c < 0x20 || c == '"' || c == '\\')
                putEscape(c);
            else
                put(char(c));
        }
        put('"');
        return true;
    }

    void putEscape(uchar c)
    {
        switch (c) {
        case '"':
            put("\\\"");
            return;
        case '\\':
            put("\\\\");
            return;
        case '\b':
            put("\\b");
            return;
        case '\f':
            put("\\f");
            return;
        case '\n':
            put("\\n");
            return;
        case '\r':
            put("\\r");
            return;
        case '\t':
            put("\\t");
            return;
        default:
            static constexpr char hex[] = "0123456789abcdef";
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            put(escape, sizeof escape);
        }
    }

    // false, true, null. A number that is not an integer (a float head: 0xf9 to 0xfb) is left
    // to Qt's writer, whose shortest form for it is its own business; no Bundle holds one.
    bool simple(uchar initial)
    {
        switch (initial) {
        case 0xf4:
            put("false");
            return true;
        case 0xf5:
            put("true");
            return true;
        case 0xf6:
        case 0xf7: // undefined: Qt's writer says null too
            put("null");
            return true;
        default:
            return false;
        }
    }

    // The writes below go through a cursor with no check of room on every byte: each item
    // makes room for the most it can write first.
    void makeRoom(qsizetype bytes)
    {
        if (m_limit - m_cursor >= bytes)
            return;
        const qsizetype written = m_cursor - m_json.constData();
        m_json.resize(std::max(m_json.size() * 2, written + bytes));
        m_cursor = m_json.data() + written;
        m_limit = m_json.data() + m_json.size();
    }

    void put(char c) { *m_cursor++ = c; }

    // A bracket or a separator: containers can close many at once, after the room their
    // last item made was spent.
    void putMark(char c)
    {
        makeRoom(1);
        put(c);
    }

    void put(const char* text, qsizetype size)
    {
        std::memcpy(m_cursor, text, size_t(size));
        m_cursor += size;
    }

    template <qsizetype N>
    void put(const char (&text)[N])
    {
        put(text, N - 1);
    }

    void putNumber(quint64 n, bool negative)
    {
        char digits[21];
        char* end = digits + sizeof digits;
        char* first = end;
        do {
            *--first = char('0' + n % 10);
            n /= 10;
        } while (n != 0);
        if (negative)
            *--first = '-';
        put(first, end - first);
    }

    const uchar* m_at;
    const uchar* const m_end;
    QByteArray m_json;
    char* m_cursor = nullptr;
    const char* m_limit = nullptr;
};

// Walks a JSON text that Qt parsed and says whether it is exactly what compact() writes for
// it: no space between tokens; in each object, keys of plain ASCII in strictly increasing
// byte order (QJsonObject's order, duplicates excluded); in strings, raw UTF-8 and only the
// escapes Qt's writer makes; integers of at most 18 digits (a QJsonValue holds them
// exactly), never -0; no fraction or exponent (Qt may write those another way).
class CompactCheck
{
public:
    // `items`, when given, gets the text of each item of the array member `key` of the
    // outermost object, as the check passes it.
    explicit CompactCheck(QByteArrayView text, QByteArrayView key = {},
                          QList<QByteArrayView>* items = nullptr)
        : m_at(text.data())
        , m_end(m_at + text.size())
        , m_key(key)
        , m_items(items)
    {}

    bool check() { return value(0) && m_at == m_end; }

private:
    // Deeper than any Bundle; Qt's parser stops at 1,024 anyway.
    static constexpr int MaxDepth = 512;

    bool value(int depth)
    {
        if (m_at == m_end || depth > MaxDepth)
            return false;
        switch (*m_at) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string(nullptr);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool object(int depth)
    {
        ++m_at; // {
        QByteArrayView previous;
        for (bool first = true;; first = false) {
            if (m_at == m_end)
                return false;
            if (*m_at == '}' && first) {
                ++m_at;
                return true;
            }
            QByteArrayView key;
            if (!string(&key) || (!first && key <= previous))
                return false;
            previous = key;
            if (m_at == m_end || *m_at++ != ':')
                return false;
            // The next array() is the member's when it is the one asked for.
            m_collect = m_items && depth == 1 && key == m_key && m_at != m_end && *m_at == '[';
            if (!value(depth))
                return false;
            if (m_at == m_end)
                return false;
            if (*m_at == '}') {
                ++m_at;
                return true;
            }
            if (*m_at++ != ',')
                return false;
        }
    }

    bool array(int depth)
    {
        const bool collect = std::exchange(m_collect, false);
        ++m_at; // [
        if (m_at != m_end && *m_at == ']') {
            ++m_at;
            return true;
        }
        for (;;) {
            const char* const item = m_at;
            if (!value(depth) || m_at == m_end)
                return false;
            if (collect)
                m_items->append(QByteArrayView(item, m_at - item));
            const char next = *m_at++;
            if (next == ']')
                return true;
            if (next != ',')
                return false;
        }
    }

    // A string; `key`, when given, asks for a key: plain ASCII with no escape, whose text
    // is put there.
    bool string(QByteArrayView* key)
    {
        if (m_at == m_end || *m_at != '"')
            return false;
        const char* const start = ++m_at;
        for (;;) {
            m_at = pastPlainWords(m_at, m_end, key != nullptr);
            if (m_at == m_end)
                return false;
            const uchar c = uchar(*m_at);
            if (c == '"') {
                if (key)
                    *key = QByteArrayView(start, m_at - start);
                ++m_at;
                return true;
            }
            if (c < 0x20 || (key && (c == '\\' || c >= 0x80)))
                return false;
            if (c == '\\' && !escape())
                return false;
            if (c != '\\')
                ++m_at;
        }
    }

    // At a backslash: one of the escapes putEscape() writes, and moves past it.
    bool escape()
    {
        if (m_end - m_at < 2)
            return false;
        const char kind = m_at[1];
        if (kind == '"' || kind == '\\' || kind == 'b' || kind == 'f' || kind == 'n' ||
            kind == 'r' || kind == 't') {
            m_at += 2;
            return true;
        }
        // \u00XX in lower case, for a control character without a short form.
        if (kind != 'u' || m_end - m_at < 6 || m_at[2] != '0' || m_at[3] != '0')
            return false;
        const auto digit = [](char h) {
            return h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : -1;
        };
        const int high = digit(m_at[4]);
        const int low = digit(m_at[5]);
        if (high < 0 || high > 1 || low < 0)
            return false;
        const int c = high * 16 + low;
        if (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t')
            return false;
        m_at += 6;
        return true;
    }

    bool literal(QByteArrayView word)
    {
        if (!QByteArrayView(m_at, m_end - m_at).startsWith(word))
            return false;
        m_at += word.size();
        return true;
    }

    bool number()
    {
        const char* const start = m_at;
        if (*m_at == '-')
            ++m_at;
        const char* const digits = m_at;
        while (m_at != m_end && *m_at >= '0' && *m_at <= '9')
            ++m_at;
        const qsizetype count = m_at - digits;
        if (count == 0 || count > 18 || (*digits == '0' && count > 1))
            return false;
        if (*digits == '0' && digits != start) // -0 is written 0
            return false;
        // A fraction or an exponent follows: not an integer.
        return m_at == m_end || (*m_at != '.' && *m_at != 'e' && *m_at != 'E');
    }

    const char* m_at;
    const char* const m_end;
    const QByteArrayView m_key;
    QList<QByteArrayView>* const m_items;
    bool m_collect = false;
};

template <typename Container>
QByteArray compactText(const Container& container)
{
    const QByteArray cbor = QCborValue::fromJsonValue(container).toCbor();
    QByteArray json = CborToJson(cbor).translate();
    if (!json.isNull())
        return json;
    return QJsonDocument(container).toJson(QJsonDocument::Compact);
}

} // namespace

namespace JsonText {

QByteArray compact(const QJsonObject& object)
{
    return compactText(object);
}

QByteArray compact(const QJsonArray& array)
{
    return compactText(array);
}

bool isCompact(QByteArrayView text)
{
    return CompactCheck(text).check();
}

bool isCompact(QByteArrayView object, QByteArrayView key, QList<QByteArrayView>* items)
{
    items->clear();
    if (CompactCheck(object, key, items).check())
        return true;
    items->clear();
    return false;
}

} // namespace JsonText
