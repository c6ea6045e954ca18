// The compact JSON writer (wire/JsonText): byte for byte what Qt's own writer gives, on the
// Bundles the sync sends and on every corner of the format (escapes at every position of
// the eight-byte scan, integers at every CBOR width, empty containers, numbers left to Qt).

#include "FhirSamples.h"
#include "JsonText.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <limits>

class TestJsonText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundlesAreWrittenAsQtWritesThem();
    void everyCharacterIsEscapedAsQtEscapesIt();
    void anEscapeAtAnyPlaceOfALongString();
    void integersOfEveryWidth();
    void emptyAndNestedContainers();
    void textFarLongerThanItsCbor();
    void numbersWithAFractionGoToQt();
    void aLoneSurrogateBecomesAQuestionMark();
    void compactTextIsRecognised();
    void anyOtherTextIsNot();
    void noEditedTextIsTakenForCompactWrongly();
    void membersItemsAreFoundInCompactText();
};

namespace {

QByteArray qtText(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray qtText(const QJsonArray& array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace

void TestJsonText::bundlesAreWrittenAsQtWritesThem()
{
    for (int i = 0; i < 120; ++i) {
        const FhirSamples::Sample s = FhirSamples::sample(i);
        const QJsonObject bundle = FhirBundle::fromRecord(s.record, s.siteFiness, s.options);
        QVERIFY(!bundle.isEmpty());
        QCOMPARE(JsonText::compact(bundle), qtText(bundle));
    }
}

void TestJsonText::everyCharacterIsEscapedAsQtEscapesIt()
{
    QJsonObject object;
    for (char16_t c = 0; c < 0x80; ++c)
        object.insert(u"k"_s + QString::number(int(c)), QString(QChar(c)));
    // Some of each UTF-8 length, and the noncharacter U+FFFF, which Qt passes through.
    object.insert(u"two"_s, u"éàçÿ"_s);
    object.insert(u"three"_s, u"€\u2028\uffff"_s);
    object.insert(u"four"_s, u"\U0001F600 \U00010000"_s);
    object.insert(u"key \"quoted\"\n"_s, u"\\"_s);
    object.insert(u"\u0001"_s, u"\u007f"_s);
    QCOMPARE(JsonText::compact(object), qtText(object));
}

void TestJsonText::anEscapeAtAnyPlaceOfALongString()
{
    // Strings read eight bytes at a time: every length around a multiple of eight, with the
    // character to escape at every place (first, inside, last) and after a multi-byte one.
    const QList<QChar> escaped = {u'"', u'\\', QChar(0x1f), QChar(0x00), u'\n'};
    QJsonArray array;
    for (int length = 1; length <= 33; ++length) {
        for (int at = 0; at < length; ++at) {
            for (const QChar c : escaped) {
                QString s(length, u'a');
                s[at] = c;
                array.append(s);
                s[0] = QChar(0xe9); // é: two bytes, so every later place shifts by one
                array.append(s);
            }
        }
        array.append(QString(length, u'z'));
    }
    QCOMPARE(JsonText::compact(array), qtText(array));
}

void TestJsonText::integersOfEveryWidth()
{
    // Each CBOR head width: in the byte, then one, two, four and eight bytes more.
    const QList<qint64> values = {0,
                                  1,
                                  23,
                                  24,
                                  255,
                                  256,
                                  65535,
                                  65536,
                                  4294967295LL,
                                  4294967296LL,
                                  std::numeric_limits<qint64>::max(),
                                  -1,
                                  -24,
                                  -25,
                                  -256,
                                  -257,
                                  -65537,
                                  -4294967297LL,
                                  std::numeric_limits<qint64>::min()};
    QJsonArray array;
    for (const qint64 v : values)
        array.append(v);
    QCOMPARE(JsonText::compact(array), qtText(array));
    QCOMPARE(JsonText::compact(array),
             QByteArray("[0,1,23,24,255,256,65535,65536,4294967295,4294967296,"
                        "9223372036854775807,-1,-24,-25,-256,-257,-65537,-4294967297,"
                        "-9223372036854775808]"));
}

void TestJsonText::emptyAndNestedContainers()
{
    QCOMPARE(JsonText::compact(QJsonObject()), QByteArray("{}"));
    QCOMPARE(JsonText::compact(QJsonArray()), QByteArray("[]"));
    const QJsonObject nested{
        {u"a"_s, QJsonArray{QJsonObject(), QJsonArray(), QJsonArray{QJsonArray{}}}},
        {u"b"_s, QJsonObject{{u"c"_s, QJsonValue()}, {u"d"_s, true}, {u"e"_s, false}}},
        {u""_s, u""_s},
    };
    QCOMPARE(JsonText::compact(nested), qtText(nested));
}

void TestJsonText::textFarLongerThanItsCbor()
{
    // The buffer starts a little longer than the CBOR and grows as items need: a long run of
    // control characters (six times longer as JSON), and 300 arrays closing at once.
    QJsonArray deep{QJsonValue(false)};
    for (int i = 0; i < 300; ++i)
        deep = QJsonArray{deep};
    const QJsonObject object{
        {u"controls"_s, QString(100000, QChar(0x01))}, {u"deep"_s, deep}, {u"after"_s, u"end"_s}};
    QCOMPARE(JsonText::compact(object), qtText(object));
    QCOMPARE(JsonText::compact(deep), qtText(deep));
}

void TestJsonText::numbersWithAFractionGoToQt()
{
    const QJsonObject object{
        {u"x"_s, 0.1}, {u"y"_s, 1e300}, {u"z"_s, -2.5}, {u"w"_s, 3.0}, {u"s"_s, u"text"_s}};
    QCOMPARE(JsonText::compact(object), qtText(object));
}

void TestJsonText::aLoneSurrogateBecomesAQuestionMark()
{
    // Not text (JsonText.h): Qt's JSON writer escapes it, its CBOR writer (so this one) puts
    // '?' in its place. Still valid JSON, and the rest of the value untouched.
    const QJsonObject object{{u"name"_s, QString(QString(QChar(0xd800)) + u"x"_s)}};
    const QByteArray text = JsonText::compact(object);
    QCOMPARE(text, QByteArray("{\"name\":\"?x\"}"));
    QJsonParseError error;
    const QJsonDocument back = QJsonDocument::fromJson(text, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(back.object().value(u"name"_s).toString(), u"?x"_s);
}

// What the server keeps of a workstation's request (JsonText::isCompact): the text of a
// value exactly as compact() writes it is recognised, so the server keeps it instead of
// writing the value again...
void TestJsonText::compactTextIsRecognised()
{
    QJsonArray bundles;
    for (int i = 0; i < 120; ++i) {
        const FhirSamples::Sample s = FhirSamples::sample(i);
        const QJsonObject bundle = FhirBundle::fromRecord(s.record, s.siteFiness, s.options);
        QVERIFY2(JsonText::isCompact(JsonText::compact(bundle)), qPrintable(QString::number(i)));
        bundles.append(bundle);
    }
    QVERIFY(JsonText::isCompact(JsonText::compact(QJsonObject{{u"bundles"_s, bundles}})));

    QJsonObject corners;
    for (char16_t c = 0; c < 0x80; ++c)
        corners.insert(u"k"_s + QString::number(int(c)), QString(QChar(c)));
    corners.insert(u"utf8"_s, u"éàçÿ€\u2028\uffff\U0001F600"_s);
    corners.insert(u"integers"_s, QJsonArray{0, -1, 23, -24, 255, 65536, qint64(1) << 53,
                                             -(qint64(1) << 53), 999999999999999999LL});
    corners.insert(u"literals"_s, QJsonArray{true, false, QJsonValue::Null});
    corners.insert(u"empty"_s, QJsonObject{{u"a"_s, QJsonArray()}, {u"o"_s, QJsonObject()}});
    corners.insert(u""_s, u""_s);
    QVERIFY(JsonText::isCompact(JsonText::compact(corners)));
}

// ...and any other text is not (spaces, keys out of order or repeated, escapes Qt does not
// write, numbers Qt writes another way, keys that are not plain ASCII): the server writes
// those again, as it did before.
void TestJsonText::anyOtherTextIsNot()
{
    const QList<QByteArray> texts = {R"({"a":1} )",
                                     R"( {"a":1})",
                                     R"({"a": 1})",
                                     R"({"b":1,"a":2})",
                                     R"({"a":1,"a":2})",
                                     R"({"ab":1,"a":2})",
                                     R"({"a":"\/"})",
                                     R"({"a":"\u0041"})",
                                     R"({"a":"\u001F"})",
                                     R"({"a":"\u000a"})",
                                     R"({"a":"\ud83d\ude00"})",
                                     R"({"a":1.0})",
                                     R"({"a":-0})",
                                     R"({"a":1e2})",
                                     R"({"a":1234567890123456789})",
                                     R"({"é":1})",
                                     R"({"a\u0062":1})",
                                     R"({"a":[1,2 ]})",
                                     "{\"a\":\"\x7f\"}\n"};
    for (const QByteArray& text : texts) {
        QJsonParseError error;
        QJsonDocument::fromJson(text, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, text.constData());
        QVERIFY2(!JsonText::isCompact(text), text.constData());
    }
    // Not JSON at all: never compact.
    for (const QByteArray& text : {QByteArray(), QByteArray("{"), QByteArray("{\"a\""),
                                   QByteArray("[1,"), QByteArray("\"\\"), QByteArray("nul")})
        QVERIFY2(!JsonText::isCompact(text), text.constData());
}

// The property the server relies on, tried on 20,000 texts a small random edit away from a
// sample Bundle's: whenever Qt reads the edited text and isCompact() takes it, writing what
// Qt read gives that very text back.
void TestJsonText::noEditedTextIsTakenForCompactWrongly()
{
    QList<QByteArray> originals;
    for (int i = 0; i < 20; ++i) {
        const FhirSamples::Sample s = FhirSamples::sample(i);
        originals.append(
            JsonText::compact(FhirBundle::fromRecord(s.record, s.siteFiness, s.options)));
    }
    const QByteArray replacements = " \"\\aAzZ019-.eE,:{}[]/u\x7f\xc3\xa9";
    QRandomGenerator random(20261207);
    int read = 0;
    int compact = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray text = originals.at(random.bounded(originals.size()));
        for (int edits = random.bounded(1, 3); edits > 0; --edits) {
            const qsizetype at = random.bounded(text.size());
            const char byte = replacements.at(random.bounded(replacements.size()));
            switch (random.bounded(3)) {
            case 0:
                text[at] = byte;
                break;
            case 1:
                text.insert(at, byte);
                break;
            default:
                text.remove(at, 1);
            }
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError)
            continue;
        ++read;
        if (!JsonText::isCompact(text))
            continue;
        ++compact;
        const QByteArray written = document.isObject() ? JsonText::compact(document.object())
                                                       : JsonText::compact(document.array());
        QCOMPARE(written, text);
    }
    // Enough of both kinds for the property to mean something.
    QVERIFY2(read > 2000 && compact > 1000,
             qPrintable(u"%1 read, %2 compact"_s.arg(read).arg(compact)));
}

void TestJsonText::membersItemsAreFoundInCompactText()
{
    const QByteArray text = R"({"a":[9],"bundles":[{"x":"],\"[,"},[],"s",{"bundles":[1]}],"c":{}})";
    QList<QByteArrayView> items;
    QVERIFY(JsonText::isCompact(text, "bundles", &items));
    QCOMPARE(items.size(), 4);
    QCOMPARE(items.at(0).toByteArray(), QByteArray(R"({"x":"],\"[,"})"));
    QCOMPARE(items.at(1).toByteArray(), QByteArray("[]"));
    QCOMPARE(items.at(2).toByteArray(), QByteArray("\"s\""));
    QCOMPARE(items.at(3).toByteArray(), QByteArray(R"({"bundles":[1]})"));
    const auto itemsOf = [](QByteArrayView object) {
        QList<QByteArrayView> found{QByteArrayView("left over")};
        return JsonText::isCompact(object, "bundles", &found) ? found.size() : qsizetype(-1);
    };
    QCOMPARE(itemsOf(R"({"bundles":[]})"), 0);
    QCOMPARE(itemsOf(R"({"a":[1]})"), 0);
    QCOMPARE(itemsOf(R"({"a":{"bundles":[1]}})"), 0);
    QCOMPARE(itemsOf(R"({"bundles":"[1]"})"), 0);
    // Text that is not compact gives no items, even those seen before the check failed.
    QList<QByteArrayView> partial{QByteArrayView("left over")};
    QVERIFY(!JsonText::isCompact(R"({"bundles":[{"a":1},{"a":2} ]})", "bundles", &partial));
    QVERIFY(partial.isEmpty());

    // A batch as the workstation writes it: each item is its Bundle's compact text.
    QJsonArray bundles;
    for (int i = 0; i < 5; ++i) {
        const FhirSamples::Sample s = FhirSamples::sample(i);
        bundles.append(FhirBundle::fromRecord(s.record, s.siteFiness, s.options));
    }
    const QByteArray batch = JsonText::compact(QJsonObject{{u"bundles"_s, bundles}});
    QList<QByteArrayView> texts;
    QVERIFY(JsonText::isCompact(batch, "bundles", &texts));
    QCOMPARE(texts.size(), bundles.size());
    for (qsizetype i = 0; i < texts.size(); ++i)
        QCOMPARE(texts.at(i).toByteArray(), JsonText::compact(bundles.at(i).toObject()));
}

QTEST_GUILESS_MAIN(TestJsonText)
#include "TestJsonText.moc"
