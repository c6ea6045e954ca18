#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Looking for identifying strings in bytes the programs wrote (store files, logs, output):
// each string in UTF-8, UTF-16LE and UTF-16BE, as written and in upper and lower case, so
// that a value stored in another encoding or case is still found.
namespace NeedleSearch {

// One string to look for, as bytes in one encoding.
struct Needle
{
    QString text;
    QString encoding;
    QByteArray bytes;
};

QList<Needle> needles(const QStringList& strings);
// The text in UTF-16, little- or big-endian, without a byte order mark (what a control
// plants to prove the search finds it).
QByteArray utf16(const QString& text, bool bigEndian);

// "where: text (encoding)" for every needle found in the bytes.
QStringList find(const QByteArray& haystack, const QList<Needle>& needles, const QString& where);

} // namespace NeedleSearch
