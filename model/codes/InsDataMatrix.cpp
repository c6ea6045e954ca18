#include "InsDataMatrix.h"

#include "Identifiers.h"

#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype HeaderLength = 26;

// The fields in the order the code carries them.
struct Field
{
    QStringView id;
    qsizetype minLength;
    qsizetype maxLength;
    bool optional;

    bool isFixed() const { return minLength == maxLength; }
};

enum FieldIndex
{
    Matricule,
    Oid,
    GivenNames,
    FamilyName,
    Sex,
    BirthDate,
    BirthPlace,
    FieldCount
};

constexpr std::array<Field, FieldCount> Fields = {{
    {u"S1", 15, 15, false},
    {u"S2", 19, 20, false},
    {u"S3", 1, 100, false},
    {u"S4", 1, 100, false},
    {u"S5", 1, 1, false},
    {u"S6", 10, 10, false},
    {u"S7", 5, 5, true},
}};

// How far past a fixed-length field the next id is looked for, to tell a field of the wrong
// length from a missing one.
constexpr qsizetype LengthSlack = 10;

QString fieldName(int index)
{
    switch (index) {
    case Matricule:
        return InsDataMatrix::tr("INS matricule");
    case Oid:
        return InsDataMatrix::tr("matricule authority");
    case GivenNames:
        return InsDataMatrix::tr("birth given names");
    case FamilyName:
        return InsDataMatrix::tr("birth family name");
    case Sex:
        return InsDataMatrix::tr("sex");
    case BirthDate:
        return InsDataMatrix::tr("birth date");
    default:
        return InsDataMatrix::tr("birth place");
    }
}

// "field S3 (birth given names)", the prefix of every message about one field.
QString fieldLabel(int index)
{
    return InsDataMatrix::tr("field %1 (%2)").arg(Fields[index].id.toString(), fieldName(index));
}

QString ruleOf(int index, QStringView what)
{
    return u"ins."_s + Fields[index].id.toString() + u'.' + what.toString();
}

InsDataMatrix::Result refuse(const QString& rule, const QString& message)
{
    InsDataMatrix::Result result;
    result.rule = rule;
    result.message = message;
    return result;
}

InsDataMatrix::Result missing(int index)
{
    return refuse(ruleOf(index, u"missing"),
                  InsDataMatrix::tr("%1 is missing or out of order").arg(fieldLabel(index)));
}

InsDataMatrix::Result wrongLength(int index)
{
    const Field& field = Fields[index];
    const QString message = field.isFixed() ? InsDataMatrix::tr("%1 must be exactly %2 characters")
                                                  .arg(fieldLabel(index))
                                                  .arg(field.maxLength)
                                            : InsDataMatrix::tr("%1 must be %2 to %3 characters")
                                                  .arg(fieldLabel(index))
                                                  .arg(field.minLength)
                                                  .arg(field.maxLength);
    return refuse(ruleOf(index, u"length"), message);
}

InsDataMatrix::Result trailing(int lastIndex)
{
    return refuse(u"ins.trailing"_s,
                  InsDataMatrix::tr("unexpected characters after the last field (%1)")
                      .arg(Fields[lastIndex].id.toString()));
}

// A failed identifier check, keeping its rule id; the NIR key message is replaced because it
// quotes the expected key, which is derived from the matricule.
InsDataMatrix::Result refuseCheck(int index, const IdentifierCheck& check)
{
    const QString reason =
        check.rule == u"nir.key"_s ? InsDataMatrix::tr("wrong key") : check.message;
    return refuse(check.rule, InsDataMatrix::tr("%1: %2").arg(fieldLabel(index), reason));
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Upper-case letters (accents allowed), with single spaces, hyphens or apostrophes between.
bool isInsName(QStringView name)
{
    if (name.isEmpty() || !name.front().isLetter() || !name.back().isLetter())
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](QChar c) { return c.isUpper() || c == u' ' || c == u'-' || c == u'\''; });
}

// JJ-MM-AAAA with ASCII digits.
QDate parseDate(QStringView text, bool* wellFormed)
{
    *wellFormed = text.size() == 10 && text[2] == u'-' && text[5] == u'-';
    for (qsizetype i : {0, 1, 3, 4, 6, 7, 8, 9})
        *wellFormed = *wellFormed && isAsciiDigit(text[i]);
    if (!*wellFormed)
        return {};
    return QDate(text.mid(6, 4).toInt(), text.mid(3, 2).toInt(), text.mid(0, 2).toInt());
}

// The header: IS, the version (01 only) and 22 zeros.
std::optional<InsDataMatrix::Result> checkHeader(QStringView view)
{
    const bool zeros =
        view.size() >= HeaderLength && std::all_of(view.begin() + 4, view.begin() + HeaderLength,
                                                   [](QChar c) { return c == u'0'; });
    if (!view.startsWith(u"IS") || view.size() < 4 || !isAsciiDigit(view[2]) ||
        !isAsciiDigit(view[3])) {
        return refuse(u"ins.header"_s,
                      InsDataMatrix::tr("not an INS DataMatrix: the text must start with IS, "
                                        "a version and 22 zeros"));
    }
    if (view.mid(2, 2) != u"01")
        return refuse(u"ins.version"_s,
                      InsDataMatrix::tr("INS DataMatrix version not supported (01 only)"));
    if (!zeros) {
        return refuse(u"ins.header"_s,
                      InsDataMatrix::tr("not an INS DataMatrix: the text must start with IS, "
                                        "a version and 22 zeros"));
    }
    return std::nullopt;
}

// The structure, so that a missing separator is reported as such rather than as the bad
// value it would otherwise produce: each field's value, or why the text is refused.
std::optional<InsDataMatrix::Result> splitFields(QStringView view,
                                                 std::array<QStringView, FieldCount>* fields)
{
    std::array<QStringView, FieldCount>& values = *fields;
    qsizetype pos = HeaderLength;
    qsizetype previousStart = -1;
    int last = -1;
    for (int index = 0; index < FieldCount; ++index) {
        const Field& field = Fields[index];
        if (field.optional && pos == view.size())
            break;
        if (view.mid(pos, 2) != field.id) {
            if (pos >= view.size())
                return missing(index);
            // A fixed-length value of the wrong length leaves this field's id off its place.
            if (last >= 0 && Fields[last].isFixed()) {
                const qsizetype found =
                    view.mid(previousStart, Fields[last].maxLength + 2 + LengthSlack)
                        .indexOf(field.id);
                if (found >= 0)
                    return wrongLength(last);
            }
            return field.optional ? trailing(last) : missing(index);
        }
        pos += 2;
        previousStart = pos;
        last = index;
        if (field.isFixed()) {
            values[index] = view.mid(pos, field.maxLength);
            if (values[index].size() < field.maxLength ||
                values[index].contains(InsDataMatrix::GroupSeparator)) {
                return wrongLength(index);
            }
            pos += field.maxLength;
            continue;
        }
        // A variable-length field ends at a GS, or runs to its maximum length when the next
        // id follows at once. (The variable fields are never last, and their values never
        // contain a field id: names have no digits, OIDs no letters.)
        const QStringView nextId = Fields[index + 1].id;
        const QStringView rest = view.mid(pos);
        const qsizetype separator = rest.indexOf(InsDataMatrix::GroupSeparator);
        const qsizetype next = rest.indexOf(nextId);
        if (separator >= 0 && (next < 0 || separator < next)) {
            if (separator > field.maxLength)
                return wrongLength(index);
            values[index] = rest.left(separator);
            pos += separator + 1;
        } else if (next >= 0) {
            if (next > field.maxLength)
                return wrongLength(index);
            if (next < field.maxLength) {
                return refuse(ruleOf(index, u"separator"),
                              InsDataMatrix::tr("the GS separator after %1 is missing")
                                  .arg(fieldLabel(index)));
            }
            values[index] = rest.left(next);
            pos += next;
        } else {
            return rest.size() > field.maxLength ? wrongLength(index) : missing(index + 1);
        }
        if (values[index].size() < field.minLength)
            return wrongLength(index);
    }
    if (pos < view.size())
        return trailing(last);
    return std::nullopt;
}

// Then the values, each checked as the identity's own rules say.
InsDataMatrix::Result checkValues(const std::array<QStringView, FieldCount>& values)
{
    InsDataMatrix::Result result;
    InsIdentity& identity = result.identity;
    const IdentifierCheck nir = Identifiers::checkNir(values[Matricule].toString());
    // checkNir tolerates separators and lower case, as typed; the code carries neither.
    if (!nir.valid)
        return refuseCheck(Matricule, nir);
    if (nir.canonical != values[Matricule])
        return refuse(u"nir.format"_s, InsDataMatrix::tr("%1: %2").arg(
                                           fieldLabel(Matricule),
                                           InsDataMatrix::tr("digits only, 2A or 2B for Corsica")));
    identity.matricule = nir.canonical;

    const IdentifierCheck oid = Identifiers::checkInsOid(values[Oid].toString());
    if (!oid.valid)
        return refuseCheck(Oid, oid);
    if (oid.canonical != values[Oid])
        return refuse(u"ins.oid"_s, InsDataMatrix::tr("%1: %2").arg(
                                        fieldLabel(Oid), InsDataMatrix::tr("no spaces allowed")));
    identity.oid = oid.canonical;

    for (int index : {GivenNames, FamilyName}) {
        if (!isInsName(values[index])) {
            return refuse(
                ruleOf(index, u"format"),
                InsDataMatrix::tr("%1 may hold only upper-case letters, single spaces, hyphens and "
                                  "apostrophes")
                    .arg(fieldLabel(index)));
        }
    }
    identity.givenNames = values[GivenNames].toString();
    identity.familyName = values[FamilyName].toString();

    if (values[Sex] != u"F" && values[Sex] != u"M")
        return refuse(ruleOf(Sex, u"value"),
                      InsDataMatrix::tr("%1 must be F or M").arg(fieldLabel(Sex)));
    identity.sex = values[Sex].toString();

    bool wellFormed = false;
    identity.birthDate = parseDate(values[BirthDate], &wellFormed);
    if (!wellFormed) {
        return refuse(
            ruleOf(BirthDate, u"format"),
            InsDataMatrix::tr("%1 must be written DD-MM-YYYY").arg(fieldLabel(BirthDate)));
    }
    if (!identity.birthDate.isValid()) {
        return refuse(
            ruleOf(BirthDate, u"date"),
            InsDataMatrix::tr("%1 is not a date of the calendar").arg(fieldLabel(BirthDate)));
    }
    if (identity.birthDate > QDate::currentDate())
        return refuse(ruleOf(BirthDate, u"future"),
                      InsDataMatrix::tr("%1 is in the future").arg(fieldLabel(BirthDate)));

    if (!values[BirthPlace].isNull()) {
        const IdentifierCheck cog = Identifiers::checkCog(values[BirthPlace].toString());
        if (!cog.valid)
            return refuseCheck(BirthPlace, cog);
        if (cog.canonical != values[BirthPlace])
            return refuse(u"cog.format"_s,
                          InsDataMatrix::tr("%1: %2").arg(
                              fieldLabel(BirthPlace),
                              InsDataMatrix::tr("digits only, 2A or 2B for Corsica")));
        identity.birthPlace = cog.canonical;
    }
    result.valid = true;
    return result;
}

} // namespace

InsDataMatrix::Result InsDataMatrix::parse(const QString& text)
{
    const QStringView view(text);
    if (std::optional<Result> refused = checkHeader(view))
        return *refused;
    // First the structure, then the values.
    std::array<QStringView, FieldCount> values;
    if (std::optional<Result> refused = splitFields(view, &values))
        return *refused;
    return checkValues(values);
}

QString InsDataMatrix::toPayload(const InsIdentity& identity)
{
    // A GS ends a variable-length field only when it is shorter than its maximum. (QString
    // return type: a QStringBuilder would outlive the temporaries it points to.)
    auto variable = [](int index, const QString& value) -> QString {
        return Fields[index].id.toString() + value +
               (value.size() < Fields[index].maxLength ? QString(GroupSeparator) : QString());
    };
    QString payload = u"IS01"_s + QString(HeaderLength - 4, u'0') + u"S1"_s + identity.matricule +
                      variable(Oid, identity.oid) + variable(GivenNames, identity.givenNames) +
                      variable(FamilyName, identity.familyName) + u"S5"_s + identity.sex + u"S6"_s +
                      identity.birthDate.toString(u"dd-MM-yyyy");
    if (!identity.birthPlace.isEmpty())
        payload += u"S7"_s + identity.birthPlace;
    return payload;
}

QJsonObject InsDataMatrix::patientJson(const InsIdentity& identity)
{
    QJsonObject patient{
        {u"ins"_s, identity.matricule},
        {u"insOid"_s, identity.oid},
        {u"firstNames"_s, identity.givenNames},
        {u"birthName"_s, identity.familyName},
        {u"sex"_s, identity.sex},
        {u"birthDate"_s, identity.birthDate.toString(Qt::ISODate)},
        {u"identityStatus"_s, u"qualified"_s},
    };
    if (!identity.birthPlace.isEmpty())
        patient.insert(u"birthPlace"_s, identity.birthPlace);
    return patient;
}
