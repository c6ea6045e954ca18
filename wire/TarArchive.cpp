#include "TarArchive.h"

#include <QSet>
#include <cstring>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// The ustar header (POSIX.1-1988): offsets and widths of the fields read or written.
constexpr qsizetype NameOffset = 0, NameSize = 100;
constexpr qsizetype ModeOffset = 100, UidOffset = 108, GidOffset = 116, IdSize = 8;
constexpr qsizetype SizeOffset = 124, SizeSize = 12;
constexpr qsizetype MtimeOffset = 136, MtimeSize = 12;
constexpr qsizetype ChecksumOffset = 148, ChecksumSize = 8;
constexpr qsizetype TypeOffset = 156;
constexpr qsizetype LinkNameOffset = 157, LinkNameSize = 100;
constexpr qsizetype MagicOffset = 257;
constexpr qsizetype PrefixOffset = 345, PrefixSize = 155;

// What a pax extended header may say and still be ignored: times, owners, a comment. Any
// other key (a path, a size, sparse maps...) would change how the member reads, so the
// archive is refused rather than read differently from what it says.
const QSet<QByteArray> IgnoredPaxKeys = {"atime", "ctime", "mtime", "uid",
                                         "gid",   "uname", "gname", "comment"};

QByteArrayView field(QByteArrayView block, qsizetype offset, qsizetype size)
{
    return block.sliced(offset, size);
}

QByteArray cString(QByteArrayView bytes)
{
    const qsizetype end = bytes.indexOf('\0');
    return (end < 0 ? bytes : bytes.first(end)).toByteArray();
}

// An octal number as tar writes it: optional leading spaces, digits, then spaces or NULs.
// GNU's base-256 form (high bit set) is for sizes of 8 GiB and more: refused.
bool parseOctal(QByteArrayView bytes, qint64* value)
{
    qsizetype i = 0;
    while (i < bytes.size() && bytes.at(i) == ' ')
        ++i;
    qint64 result = 0;
    int digits = 0;
    for (; i < bytes.size() && bytes.at(i) >= '0' && bytes.at(i) <= '7'; ++i, ++digits)
        result = result * 8 + (bytes.at(i) - '0'); // 12 digits at most: no overflow
    for (; i < bytes.size(); ++i) {
        if (bytes.at(i) != ' ' && bytes.at(i) != '\0')
            return false;
    }
    *value = result;
    return digits > 0;
}

void writeOctal(QByteArray* block, qsizetype offset, qsizetype size, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(size - 1, '0');
    std::memcpy(block->data() + offset, digits.constData(), size_t(size - 1));
    (*block)[offset + size - 1] = '\0';
}

qint64 checksumOf(QByteArrayView block)
{
    qint64 sum = 0;
    for (qsizetype i = 0; i < TarArchive::BlockSize; ++i) {
        const bool inField = i >= ChecksumOffset && i < ChecksumOffset + ChecksumSize;
        sum += inField ? ' ' : quint8(block.at(i));
    }
    return sum;
}

bool isZero(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == '\0'; });
}

qsizetype padded(qint64 size)
{
    return qsizetype((size + TarArchive::BlockSize - 1) / TarArchive::BlockSize *
                     TarArchive::BlockSize);
}

// A member's name for a message: printable ASCII only, and not too long.
QString shown(const QByteArray& name)
{
    QString text;
    for (const char c : name.left(120))
        text += c >= 0x20 && c < 0x7f ? QChar::fromLatin1(c) : u'?';
    return u'"' + text + (name.size() > 120 ? u"...\""_s : u"\""_s);
}

// Why a member is refused: the stable rule id and the message, as read() reports them.
struct Refusal
{
    QString rule;
    QString message;
};

// The header's own integrity: its checksum, then its magic. `posix` says which of the two
// header layouts it uses.
std::optional<Refusal> checkHeader(QByteArrayView block, int headers, bool* posix)
{
    qint64 stored = 0;
    if (!parseOctal(field(block, ChecksumOffset, ChecksumSize), &stored) ||
        stored != checksumOf(block)) {
        return Refusal{u"tar.checksum"_s,
                       TarArchive::tr("header %1 of the tar archive has a wrong checksum: the "
                                      "archive is damaged or not a tar archive")
                           .arg(headers)};
    }
    const QByteArrayView magic = field(block, MagicOffset, 8);
    *posix = magic.first(6) == QByteArrayView("ustar\0", 6);
    const bool gnu = magic == QByteArrayView("ustar  \0", 8);
    if (!*posix && !gnu)
        return Refusal{u"tar.format"_s,
                       TarArchive::tr("not a ustar archive (header %1)").arg(headers)};
    return std::nullopt;
}

QByteArray memberName(QByteArrayView block, bool posix)
{
    QByteArray name = cString(field(block, NameOffset, NameSize));
    // GNU tar keeps times in the bytes where POSIX puts the name's prefix.
    const QByteArray prefix = posix ? cString(field(block, PrefixOffset, PrefixSize)) : "";
    if (!prefix.isEmpty())
        name = prefix + '/' + name;
    return name;
}

// A pax extended header ('x' or 'g') is accepted only when every key it sets is one that
// does not change how the archive reads.
std::optional<Refusal> checkPaxHeader(QByteArrayView data, qint64 size)
{
    if (size > TarArchive::MaxExtensionBytes) {
        return Refusal{u"tar.extension"_s,
                       TarArchive::tr("a pax extended header of %1 bytes: too large").arg(size)};
    }
    // Records "LENGTH KEY=VALUE\n", LENGTH counting the whole record.
    qsizetype at = 0;
    while (at < data.size()) {
        const qsizetype space = data.indexOf(' ', at);
        bool ok = false;
        const qsizetype length =
            space > at ? data.sliced(at, space - at).toByteArray().toLongLong(&ok) : 0;
        const qsizetype equals = ok ? data.indexOf('=', space) : -1;
        if (!ok || length < 5 || length > data.size() - at || equals < 0 || equals >= at + length ||
            data.at(at + length - 1) != '\n') {
            return Refusal{u"tar.extension"_s,
                           TarArchive::tr("a pax extended header is malformed")};
        }
        const QByteArray key = data.sliced(space + 1, equals - space - 1).toByteArray();
        if (!IgnoredPaxKeys.contains(key)) {
            return Refusal{u"tar.extension"_s,
                           TarArchive::tr("a pax extended header sets %1, which a delivery never "
                                          "needs")
                               .arg(shown(key))};
        }
        at += length;
    }
    return std::nullopt;
}

// Any type but a plain file ('0', or '\0' from old tars) or a directory ('5') is refused;
// pax headers are handled before this.
std::optional<Refusal> checkMemberType(char type, const QByteArray& name, QByteArrayView block)
{
    switch (type) {
    case 'L':
    case 'K':
        return Refusal{u"tar.extension"_s,
                       TarArchive::tr("the archive uses GNU long names: a delivery's names are "
                                      "short")};
    case '1':
        return Refusal{
            u"tar.link"_s,
            TarArchive::tr("the member %1 is a hard link to %2: only plain files are accepted")
                .arg(shown(name), shown(cString(field(block, LinkNameOffset, LinkNameSize))))};
    case '2':
        return Refusal{
            u"tar.link"_s,
            TarArchive::tr("the member %1 is a symbolic link to %2: only plain files are "
                           "accepted")
                .arg(shown(name), shown(cString(field(block, LinkNameOffset, LinkNameSize))))};
    case '0':
    case '\0':
    case '5':
        return std::nullopt;
    default:
        return Refusal{u"tar.type"_s,
                       TarArchive::tr("the member %1 is not a plain file (type %2): only plain "
                                      "files are accepted")
                           .arg(shown(name), shown(QByteArray(1, type)))};
    }
}

// Never extracted, but a name that would escape or is not plain text says the archive was
// not made as a delivery. `parts` gets the name's components without "." or empty ones.
std::optional<Refusal> checkPath(const QByteArray& name, QList<QByteArray>* parts)
{
    if (name.startsWith('/')) {
        return Refusal{u"tar.path"_s,
                       TarArchive::tr("the member %1 has an absolute path").arg(shown(name))};
    }
    for (const QByteArray& part : name.split('/')) {
        if (part == "..") {
            return Refusal{
                u"tar.path"_s,
                TarArchive::tr("the member %1 has a \"..\" in its path").arg(shown(name))};
        }
        if (!part.isEmpty() && part != ".")
            parts->append(part);
    }
    const bool plainText = std::all_of(name.cbegin(), name.cend(),
                                       [](char c) { return c >= 0x20 && c < 0x7f && c != '\\'; });
    if (!plainText) {
        return Refusal{
            u"tar.path"_s,
            TarArchive::tr("the member %1 has a name that is not plain ASCII").arg(shown(name))};
    }
    return std::nullopt;
}

} // namespace

bool TarArchive::read(QByteArrayView tar, QList<Member>* files, QString* rule, QString* error)
{
    files->clear();
    auto refuse = [&](const QString& ruleId, const QString& message) {
        *rule = ruleId;
        *error = message;
        files->clear();
        return false;
    };
    qsizetype offset = 0;
    int headers = 0;
    for (;;) {
        if (tar.size() - offset < BlockSize) {
            return refuse(u"tar.truncated"_s,
                          tr("the tar archive ends without its end-of-archive blocks: it was cut "
                             "short"));
        }
        const QByteArrayView block = tar.sliced(offset, BlockSize);
        if (isZero(block)) {
            // The end: what follows is padding to the record size, and only that.
            if (!isZero(tar.sliced(offset)))
                return refuse(u"tar.trailing"_s,
                              tr("the tar archive has data after its end-of-archive block"));
            return true;
        }
        if (++headers > MaxMembers) {
            return refuse(
                u"tar.members"_s,
                tr("the tar archive holds more than %1 members: not a delivery").arg(MaxMembers));
        }
        bool posix = false;
        if (const auto refusal = checkHeader(block, headers, &posix))
            return refuse(refusal->rule, refusal->message);

        const QByteArray name = memberName(block, posix);
        const char type = block.at(TypeOffset);
        qint64 size = 0;
        if (!parseOctal(field(block, SizeOffset, SizeSize), &size))
            return refuse(u"tar.format"_s, tr("the member %1 has no valid size").arg(shown(name)));
        const qsizetype dataOffset = offset + BlockSize;
        if (size > tar.size() - dataOffset) {
            return refuse(u"tar.truncated"_s,
                          tr("the member %1 says it holds %2 bytes; the archive has only %3 left")
                              .arg(shown(name))
                              .arg(size)
                              .arg(tar.size() - dataOffset));
        }
        const QByteArrayView data = tar.sliced(dataOffset, qsizetype(size));
        offset = dataOffset + std::min(padded(size), tar.size() - dataOffset);

        if (type == 'x' || type == 'g') {
            if (const auto refusal = checkPaxHeader(data, size))
                return refuse(refusal->rule, refusal->message);
            continue;
        }
        if (const auto refusal = checkMemberType(type, name, block))
            return refuse(refusal->rule, refusal->message);

        QList<QByteArray> parts;
        if (const auto refusal = checkPath(name, &parts))
            return refuse(refusal->rule, refusal->message);
        if (type == '5') {
            if (size != 0) {
                return refuse(
                    u"tar.directory"_s,
                    tr("the directory %1 carries %2 bytes of data").arg(shown(name)).arg(size));
            }
            continue;
        }
        if (parts.isEmpty())
            return refuse(u"tar.path"_s, tr("a file member has no name"));
        files->append({QString::fromLatin1(parts.join('/')), data.toByteArray()});
    }
}

QByteArray TarArchive::write(const QList<Member>& files, const QDateTime& modified)
{
    QByteArray out;
    for (const Member& file : files) {
        QByteArray header(BlockSize, '\0');
        const QByteArray name = file.name.toLatin1().left(NameSize);
        std::memcpy(header.data() + NameOffset, name.constData(), size_t(name.size()));
        writeOctal(&header, ModeOffset, IdSize, 0644);
        writeOctal(&header, UidOffset, IdSize, 0);
        writeOctal(&header, GidOffset, IdSize, 0);
        writeOctal(&header, SizeOffset, SizeSize, file.data.size());
        writeOctal(&header, MtimeOffset, MtimeSize,
                   std::max<qint64>(0, modified.toSecsSinceEpoch()));
        header[TypeOffset] = '0';
        std::memcpy(header.data() + MagicOffset,
                    "ustar\0"
                    "00",
                    8);
        // Six digits, NUL, space: what tar itself writes.
        const QByteArray sum = QByteArray::number(checksumOf(header), 8).rightJustified(6, '0');
        std::memcpy(header.data() + ChecksumOffset, sum.constData(), 6);
        header[ChecksumOffset + 6] = '\0';
        header[ChecksumOffset + 7] = ' ';
        out += header;
        out += file.data;
        out += QByteArray(padded(file.data.size()) - file.data.size(), '\0');
    }
    out += QByteArray(2 * BlockSize, '\0');
    out += QByteArray((RecordSize - out.size() % RecordSize) % RecordSize, '\0');
    return out;
}
