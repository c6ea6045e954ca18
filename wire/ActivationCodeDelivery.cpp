#include "ActivationCodeDelivery.h"

#include "Gzip.h"
#include "TarArchive.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;

QString baseName(const QString& memberName)
{
    return memberName.section(u'/', -1);
}

bool isTarName(const QString& memberName)
{
    return baseName(memberName).endsWith(u".tar"_s, Qt::CaseInsensitive);
}

bool isArchiveFileName(const QString& fileName)
{
    return fileName.endsWith(u".tgz"_s, Qt::CaseInsensitive) ||
           fileName.endsWith(u".tar.gz"_s, Qt::CaseInsensitive);
}

// The file's name without .tgz, .tar.gz or .csv: where the national server's .sha256 is.
QString withoutExtension(const QString& path)
{
    if (path.endsWith(u".tar.gz"_s, Qt::CaseInsensitive))
        return path.chopped(7);
    if (path.endsWith(u".tgz"_s, Qt::CaseInsensitive) ||
        path.endsWith(u".csv"_s, Qt::CaseInsensitive))
        return path.chopped(4);
    const QFileInfo info(path);
    return info.path() + u'/' + info.completeBaseName();
}

} // namespace

bool ActivationCodeDelivery::isCsvName(const QString& name)
{
    static const QRegularExpression shape(u"^[0-9]{1,9}([0-9]{2})([0-9]{2})([0-9]{2})\\.csv$"_s);
    const QRegularExpressionMatch match = shape.match(name);
    return match.hasMatch() && QDate(2000 + match.captured(1).toInt(), match.captured(2).toInt(),
                                     match.captured(3).toInt())
                                   .isValid();
}

QString ActivationCodeDelivery::archiveName(const QDateTime& at)
{
    const QTimeZone paris("Europe/Paris");
    const QDateTime local = paris.isValid() ? at.toTimeZone(paris) : at.toUTC();
    return local.toString(u"yyyyMMddHHmmss"_s) + u"_stopcovid_qrcode_batch.tgz"_s;
}

QString ActivationCodeDelivery::sha256Name(const QString& archiveName)
{
    return QFileInfo(withoutExtension(archiveName)).fileName() + u".sha256"_s;
}

QString ActivationCodeDelivery::csvName(int sequence, const QDate& day)
{
    return QString::number(sequence) + day.toString(u"yyMMdd"_s) + u".csv"_s;
}

QByteArray ActivationCodeDelivery::pack(const QString& csvName, const QByteArray& csv,
                                        const QDateTime& at)
{
    const QByteArray inner = TarArchive::write({{csvName, csv}}, at);
    const QString innerName = archiveName(at).chopped(4) + u".tar"_s;
    return Gzip::compress(TarArchive::write({{innerName, inner}}, at));
}

QByteArray ActivationCodeDelivery::sha256File(QByteArrayView archive)
{
    return QCryptographicHash::hash(archive, QCryptographicHash::Sha256).toHex();
}

bool ActivationCodeDelivery::checkSha256(QByteArrayView data, const QString& fileName,
                                         QByteArrayView sha256File, Problem* problem)
{
    // The national form is the digest alone; sha256sum adds "  NAME" or " *NAME".
    static const QRegularExpression sumLine(u"^([0-9a-fA-F]{64})(?:[ \\t]+\\*?(\\S.*))?$"_s);
    const QString text = QString::fromUtf8(sha256File).trimmed();
    const QRegularExpressionMatch match = sumLine.match(text.section(u'\n', 0, 0).trimmed());
    if (!match.hasMatch()) {
        *problem = {0, u"sha256"_s, u"sha256.format"_s,
                    tr("the .sha256 file holds no SHA-256 checksum (64 hexadecimal digits)")};
        return false;
    }
    if (match.captured(1).toLower().toLatin1() !=
        QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()) {
        *problem = {0, u"sha256"_s, u"sha256.mismatch"_s,
                    tr("the file does not match its .sha256 checksum: it was changed or cut")};
        return false;
    }
    if (!match.captured(2).isEmpty() && !fileName.isEmpty() &&
        QFileInfo(match.captured(2).trimmed()).fileName() != fileName) {
        // A mixed-up pair of files is not worth reading further.
        *problem = {0, u"sha256"_s, u"sha256.name"_s,
                    tr("the .sha256 file is the checksum of another file")};
        return false;
    }
    return true;
}

namespace {

// Why an archive is refused: the stable rule id and the message, as unpack() reports them.
struct Refusal
{
    QString rule;
    QString message;
};

std::optional<Refusal> gzipRefusal(Gzip::Status status)
{
    switch (status) {
    case Gzip::Status::Ok:
        break;
    case Gzip::Status::NotGzip:
        return Refusal{u"archive.format"_s,
                       ActivationCodeDelivery::tr("not a gzip file: a delivery is a .tgz archive")};
    case Gzip::Status::Corrupt:
        return Refusal{
            u"archive.corrupt"_s,
            ActivationCodeDelivery::tr("the gzip data is damaged (a bad block or check value)")};
    case Gzip::Status::Truncated:
        return Refusal{u"archive.truncated"_s,
                       ActivationCodeDelivery::tr("the gzip data is cut short")};
    case Gzip::Status::TooLarge:
        return Refusal{u"archive.size"_s,
                       ActivationCodeDelivery::tr(
                           "the archive inflates to more than %1 MiB: not a delivery; inflation "
                           "stopped there")
                           .arg(ActivationCodeDelivery::MaxTarBytes / MiB)};
    case Gzip::Status::TrailingData:
        return Refusal{u"archive.trailing"_s,
                       ActivationCodeDelivery::tr("data follows the end of the gzip stream")};
    }
    return std::nullopt;
}

// Each member is the codes' CSV or a tar that may hold it; anything else is refused, at the
// first such member.
std::optional<Refusal> sortMembers(const QList<TarArchive::Member>& members,
                                   QList<TarArchive::Member>* csvs, QList<TarArchive::Member>* tars)
{
    for (const TarArchive::Member& member : members) {
        if (ActivationCodeDelivery::isCsvName(baseName(member.name))) {
            csvs->append(member);
        } else if (isTarName(member.name)) {
            tars->append(member);
        } else if (member.name.endsWith(u".csv"_s, Qt::CaseInsensitive)) {
            return Refusal{
                u"archive.member"_s,
                ActivationCodeDelivery::tr("the CSV file \"%1\" is not named like a national one "
                                           "(<sequence><yyMMdd>.csv)")
                    .arg(member.name)};
        } else {
            return Refusal{u"archive.member"_s,
                           ActivationCodeDelivery::tr(
                               "the archive holds \"%1\", which is neither the codes' CSV nor "
                               "the tar that holds it")
                               .arg(member.name)};
        }
    }
    return std::nullopt;
}

QString memberNames(const QList<TarArchive::Member>& list)
{
    QStringList result;
    for (const TarArchive::Member& member : list)
        result.append(member.name);
    return result.join(u", "_s);
}

// One level holds one CSV alone, or one tar alone, or neither.
std::optional<Refusal> checkMemberCounts(const QList<TarArchive::Member>& csvs,
                                         const QList<TarArchive::Member>& tars)
{
    if (csvs.size() > 1) {
        return Refusal{
            u"archive.csv"_s,
            ActivationCodeDelivery::tr("the archive holds %1 CSV files (%2): a delivery holds one")
                .arg(csvs.size())
                .arg(memberNames(csvs))};
    }
    if (tars.size() > 1) {
        return Refusal{
            u"archive.member"_s,
            ActivationCodeDelivery::tr("the archive holds %1 tar files (%2): a delivery nests one")
                .arg(tars.size())
                .arg(memberNames(tars))};
    }
    if (csvs.size() == 1 && tars.size() == 1) {
        return Refusal{u"archive.member"_s,
                       ActivationCodeDelivery::tr(
                           "the archive holds \"%1\" beside the CSV: a delivery holds the CSV "
                           "alone")
                           .arg(tars.first().name)};
    }
    return std::nullopt;
}

} // namespace

bool ActivationCodeDelivery::unpack(QByteArrayView archive, const QString& archiveName,
                                    QString* csvName, QByteArray* csv, Problem* problem)
{
    auto refuse = [&](const QString& rule, const QString& message) {
        *problem = {0, {}, rule, message, archiveName};
        return false;
    };
    QByteArray tar;
    if (const auto refusal = gzipRefusal(Gzip::inflate(archive, MaxTarBytes, &tar)))
        return refuse(refusal->rule, refusal->message);

    QList<TarArchive::Member> members;
    QString rule;
    QString message;
    if (!TarArchive::read(tar, &members, &rule, &message))
        return refuse(rule, message);
    tar = QByteArray(); // the members hold copies

    // One CSV; or one tar that holds one CSV (and nothing deeper).
    QString innerName;
    for (int depth = 0;; ++depth) {
        QList<TarArchive::Member> csvs;
        QList<TarArchive::Member> tars;
        if (const auto refusal = sortMembers(members, &csvs, &tars))
            return refuse(refusal->rule, refusal->message);
        if (const auto refusal = checkMemberCounts(csvs, tars))
            return refuse(refusal->rule, refusal->message);
        if (csvs.size() == 1) {
            if (csvs.first().data.size() > MaxCsvBytes) {
                return refuse(u"archive.size"_s,
                              tr("the CSV is larger than %1 MiB").arg(MaxCsvBytes / MiB));
            }
            *csvName = baseName(csvs.first().name);
            *csv = csvs.first().data;
            return true;
        }
        if (tars.isEmpty()) {
            return refuse(u"archive.csv"_s,
                          depth == 0 ? tr("the archive holds no CSV named <sequence><yyMMdd>.csv")
                                     : tr("the inner tar \"%1\" holds no CSV named "
                                          "<sequence><yyMMdd>.csv")
                                           .arg(innerName));
        }
        if (depth > 0) {
            return refuse(u"archive.member"_s,
                          tr("the inner tar holds another tar, \"%1\": a delivery nests one "
                             "level only")
                              .arg(tars.first().name));
        }
        innerName = tars.first().name;
        const QByteArray inner = tars.first().data;
        if (!TarArchive::read(inner, &members, &rule, &message))
            return refuse(rule, tr("in the inner tar \"%1\": %2").arg(innerName, message));
    }
}

bool ActivationCodeDelivery::readFile(const QString& path, const QString& sha256Path,
                                      Contents* contents, QList<Problem>* problems, QString* error)
{
    *contents = {};
    problems->clear();
    const QFileInfo info(path);
    contents->fileName = info.fileName();
    auto refuse = [&](Problem problem) {
        if (problem.file.isEmpty())
            problem.file = contents->fileName;
        problems->append(problem);
        *error = tr("nothing imported from %1: %2").arg(path, problem.toString());
        return false;
    };
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        *error =
            tr("cannot read %1: %2")
                .arg(path, info.exists() && !info.isFile() ? tr("not a file") : file.errorString());
        return false;
    }
    const bool archive = isArchiveFileName(contents->fileName) ||
                         (!contents->fileName.endsWith(u".csv"_s, Qt::CaseInsensitive) &&
                          file.peek(2) == "\x1f\x8b");
    const qint64 limit = archive ? MaxArchiveBytes : MaxCsvBytes;
    if (file.size() > limit) {
        return refuse({0,
                       {},
                       u"file.size"_s,
                       tr("the file is larger than %1 MiB: not a delivery").arg(limit / MiB)});
    }
    const QByteArray data = file.read(limit + 1);
    if (file.error() != QFileDevice::NoError) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    if (data.size() > limit) { // grew since its size was read
        return refuse({0,
                       {},
                       u"file.size"_s,
                       tr("the file is larger than %1 MiB: not a delivery").arg(limit / MiB)});
    }

    // The checksums, before anything of the content is read.
    QStringList sums;
    if (!sha256Path.isEmpty()) {
        sums.append(sha256Path);
    } else {
        const QStringList candidates = {path + u".sha256"_s, withoutExtension(path) + u".sha256"_s};
        for (const QString& candidate : candidates) {
            if (QFileInfo(candidate).isFile() && !sums.contains(candidate))
                sums.append(candidate);
        }
    }
    if (sums.isEmpty() && archive) {
        return refuse({0, u"sha256"_s, u"sha256.missing"_s,
                       tr("no .sha256 file beside the archive (%1 or %2.sha256): the checksum "
                          "of a delivery is checked before it is opened")
                           .arg(sha256Name(contents->fileName), contents->fileName)});
    }
    for (const QString& sumPath : std::as_const(sums)) {
        QFile sumFile(sumPath);
        if (!sumFile.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read %1: %2").arg(sumPath, sumFile.errorString());
            return false;
        }
        QByteArray sum = sumFile.read(MaxSha256Bytes + 1);
        if (sum.isNull())
            sum = QByteArray(""); // present but empty: checked, and refused
        const QString sumName = QFileInfo(sumPath).fileName();
        Problem problem;
        if (sum.size() > MaxSha256Bytes) {
            return refuse({0, u"sha256"_s, u"sha256.format"_s,
                           tr("the .sha256 file is too large to be a checksum"), sumName});
        }
        if (!checkSha256(data, contents->fileName, sum, &problem)) {
            problem.file = sumName;
            return refuse(problem);
        }
        contents->sha256Files.append(sumName);
    }

    if (!archive) {
        contents->csvName = contents->fileName;
        contents->csv = data;
        return true;
    }
    contents->archive = true;
    Problem problem;
    if (!unpack(data, contents->fileName, &contents->csvName, &contents->csv, &problem))
        return refuse(problem);
    return true;
}
