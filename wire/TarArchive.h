#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

// A small reader and writer of POSIX ustar archives (and GNU tar's variant of the header),
// for outside input: every header's checksum is verified, every size is checked against the
// bytes really there, and only plain files (and empty directories) are accepted. Links,
// devices, absolute paths and ".." are refused by name, although nothing is ever written to
// disk from an archive: an archive that holds them was not made as a delivery.
class TarArchive
{
    Q_DECLARE_TR_FUNCTIONS(TarArchive)

public:
    static constexpr qsizetype BlockSize = 512;
    // GNU tar's default blocking factor (20 blocks): archives are padded to it.
    static constexpr qsizetype RecordSize = 20 * BlockSize;
    // Headers read before giving up, directories and extension headers included: a
    // delivery holds one or two files; a thousand empty members is not a delivery and only
    // costs time.
    static constexpr int MaxMembers = 64;
    // A pax extended header: a few times and names at most.
    static constexpr qsizetype MaxExtensionBytes = 8 * 1024;

    struct Member
    {
        QString name; // normalised: no "./", no empty component
        QByteArray data;
    };

    // The files of `tar`, in order. False with a stable rule id ("tar.checksum", "tar.path",
    // "tar.link", "tar.type", "tar.truncated"...) and a message that names the member.
    [[nodiscard]] static bool read(QByteArrayView tar, QList<Member>* files, QString* rule,
                                   QString* error);

    // An archive of `files` (plain files, mode 0644, owner 0), padded to RecordSize. Names
    // are plain ASCII of at most 100 bytes.
    static QByteArray write(const QList<Member>& files, const QDateTime& modified);
};
