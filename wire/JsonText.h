#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

// Compact JSON text of a QJsonObject or QJsonArray, byte for byte what
// QJsonDocument(value).toJson(QJsonDocument::Compact) gives, at a fraction of its cost.
//
// Why: a FHIR Bundle is some 20 KiB of JSON, and Qt's writer spent about a quarter of the
// workstation's CPU in a sync (and as much on the server, which keeps each Bundle as text):
// it makes a QString and a QByteArray for every key and every string. This writer asks Qt
// for the value's CBOR instead (Qt writes it straight from its own storage, with no string
// made) and translates that into JSON, escaping as Qt's writer does.
//
// The one difference is a string that is not valid UTF-16 (a lone surrogate, which no
// keyboard, scanner or UTF-8 file gives): Qt's JSON writer escapes it (\ud800), which no
// UTF-8 reader can keep; Qt's CBOR writer, and so this one, writes '?' in its place. Values that JSON cannot hold (tags, byte strings) never come out of a
// QJsonValue; if they did, this writer would hand the value to Qt's writer.
namespace JsonText {

QByteArray compact(const QJsonObject& object);
QByteArray compact(const QJsonArray& array);

} // namespace JsonText
