#pragma once

#include "ActivationCodeCsv.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// A delivery of activation codes as the national code server made them
// (../shared/spec/codes.md): `yyyyMMddHHmmss_stopcovid_qrcode_batch.tgz`, a gzip of a tar
// holding a tar holding one CSV named `<sequence><yyMMdd>.csv`, with the archive's SHA-256
// in hex beside it (`yyyyMMddHHmmss_stopcovid_qrcode_batch.sha256`, no newline); or a bare
// CSV, with its checksum when there is one. Shared by `sidepctl codes import` and
// `sidep-server codes import`: the checksum is checked before anything else is read, then
// the archive is unwrapped with a bound on every size, so that a hostile file is refused
// with its reason and nothing imported. The CSV itself is ActivationCodeCsv's.
class ActivationCodeDelivery
{
    Q_DECLARE_TR_FUNCTIONS(ActivationCodeDelivery)

public:
    using Problem = ActivationCodeCsv::Problem;

    // The largest CSV taken: about 390,000 codes of the national form (some 170 bytes a
    // line), several times the largest file the national server wrote in one run (40,000 a
    // day over a few days), and what the import has always accepted.
    static constexpr qint64 MaxCsvBytes = 64 * 1024 * 1024;
    // What the gzip stream may inflate to: the CSV and two levels of tar around it, whose
    // headers and padding (to 10 KiB records) take a few tens of KiB; 1 MiB of margin.
    // Inflation stops there, whatever the archive claims: a gzip bomb costs this much, no more.
    static constexpr qint64 MaxTarBytes = MaxCsvBytes + 1024 * 1024;
    // The archive file itself: deflate never makes data more than a few bytes per 16 KiB
    // larger, so a genuine archive of MaxTarBytes is smaller than this.
    static constexpr qint64 MaxArchiveBytes = MaxTarBytes + 64 * 1024;
    // A .sha256 file: 64 hex digits and perhaps a file name (sha256sum's form).
    static constexpr qint64 MaxSha256Bytes = 4096;

    struct Contents
    {
        QString fileName;        // the file read, without its folder
        bool archive = false;    // a .tgz, not a bare CSV
        QString csvName;         // the CSV's own name: inside the archive, or fileName
        QByteArray csv;          // checked against its checksum, not yet read as codes
        QStringList sha256Files; // the checksum files checked, without their folder
    };

    // Reads the delivery at `path`: a .tgz (or .tar.gz) or a .csv; another name is taken as
    // an archive when it starts like gzip. The checksum is `sha256Path` when not empty,
    // otherwise the .sha256 files beside it (`<path>.sha256`, and the national server's
    // `<name without extension>.sha256`): required for an archive, checked when present
    // for a CSV. False either with `error` alone (a file could not be read: missing,
    // unreadable) or with `problems` too: the delivery is refused, each problem naming its
    // file and rule, `error` summing them up.
    [[nodiscard]] static bool readFile(const QString& path, const QString& sha256Path,
                                       Contents* contents, QList<Problem>* problems,
                                       QString* error);

    // The .sha256 file `sha256File` against `data`: 64 hex digits (the national form), or
    // sha256sum's line whose name, when there is one, must be `fileName`. Rules
    // sha256.format, sha256.mismatch, sha256.name.
    [[nodiscard]] static bool checkSha256(QByteArrayView data, const QString& fileName,
                                          QByteArrayView sha256File, Problem* problem);

    // The CSV of an archive already read (gzip, tar, tar, CSV; or gzip, tar, CSV as the
    // national server's published code writes it): exactly one CSV named like the national
    // ones and nothing else but directories. `archiveName` names the archive in problems.
    [[nodiscard]] static bool unpack(QByteArrayView archive, const QString& archiveName,
                                     QString* csvName, QByteArray* csv, Problem* problem);

    // `<sequence><yyMMdd>.csv`: a sequence of 1 to 9 digits (the national server's count
    // of files that day), then a date.
    static bool isCsvName(const QString& name);

    // Writing a delivery in the national shape (sidep-server codes generate, the tests).
    // `yyyyMMddHHmmss_stopcovid_qrcode_batch.tgz`, at Paris time as the national server
    // named them.
    static QString archiveName(const QDateTime& at);
    // The national server's name for the checksum: the archive's with .sha256 instead of .tgz.
    static QString sha256Name(const QString& archiveName);
    static QString csvName(int sequence, const QDate& day);
    // gzip(tar(inner.tar: tar(csvName: csv))), every member dated `at`.
    static QByteArray pack(const QString& csvName, const QByteArray& csv, const QDateTime& at);
    // What the .sha256 file holds: the lower-case hex digest, no newline.
    static QByteArray sha256File(QByteArrayView archive);
};
