#include "NeedleSearch.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace NeedleSearch {

QByteArray utf16(const QString& text, bool bigEndian)
{
    QByteArray bytes;
    for (QChar ch : text) {
        const char high = char(ch.unicode() >> 8);
        const char low = char(ch.unicode() & 0xff);
        bytes.append(bigEndian ? high : low);
        bytes.append(bigEndian ? low : high);
    }
    return bytes;
}

QList<Needle> needles(const QStringList& strings)
{
    QList<Needle> result;
    QSet<QString> seen;
    for (const QString& string : strings) {
        for (const QString& text : {string, string.toUpper(), string.toLower()}) {
            if (seen.contains(text))
                continue;
            seen.insert(text);
            result.append({text, u"UTF-8"_s, text.toUtf8()});
            result.append({text, u"UTF-16LE"_s, utf16(text, false)});
            result.append({text, u"UTF-16BE"_s, utf16(text, true)});
        }
    }
    return result;
}

QStringList find(const QByteArray& haystack, const QList<Needle>& needles, const QString& where)
{
    // The needles share a few prefixes ("Zorglubovitch..."): each prefix is looked for
    // once, and only the needles whose prefix is there are looked for in full, which keeps
    // megabytes of WAL quick to scan.
    constexpr qsizetype PrefixBytes = 8;
    QHash<QByteArray, bool> prefixFound;
    QStringList found;
    for (const Needle& needle : needles) {
        const QByteArray prefix = needle.bytes.left(PrefixBytes);
        auto known = prefixFound.find(prefix);
        if (known == prefixFound.end())
            known = prefixFound.insert(prefix, haystack.contains(prefix));
        if (known.value() && haystack.contains(needle.bytes))
            found.append(u"%1: %2 (%3)"_s.arg(where, needle.text, needle.encoding));
    }
    return found;
}

} // namespace NeedleSearch
