#include "RecordFields.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

using Kind = RecordField::Kind;
using Page = RecordField::Page;

const QList<RecordField::Choice> Owners = {
    {u"patient"_s, QT_TRANSLATE_NOOP("RecordFields", "The patient")},
    {u"relative"_s, QT_TRANSLATE_NOOP("RecordFields", "A trusted relative")},
};

// The tube label, then who the patient is.
QList<RecordField> tubeAndIdentityFields()
{
    return {
        {u"specimen.accession"_s, QT_TRANSLATE_NOOP("RecordFields", "Tube label"), Kind::Text,
         Page::TubePage},

        {u"patient.birthName"_s, QT_TRANSLATE_NOOP("RecordFields", "Birth name"), Kind::Text,
         Page::IdentityPage},
        {u"patient.firstNames"_s, QT_TRANSLATE_NOOP("RecordFields", "First names at birth"),
         Kind::Text, Page::IdentityPage},
        {u"patient.usualName"_s, QT_TRANSLATE_NOOP("RecordFields", "Usual name"), Kind::Text,
         Page::IdentityPage},
        {u"patient.sex"_s,
         QT_TRANSLATE_NOOP("RecordFields", "Sex"),
         Kind::Choice,
         Page::IdentityPage,
         // Numbered as the NIR's first digit is: 1 male, 2 female.
         {{u"M"_s, QT_TRANSLATE_NOOP("RecordFields", "Male")},
          {u"F"_s, QT_TRANSLATE_NOOP("RecordFields", "Female")},
          {u"U"_s, QT_TRANSLATE_NOOP("RecordFields", "Unknown")}}},
        {u"patient.birthDate"_s, QT_TRANSLATE_NOOP("RecordFields", "Date of birth"), Kind::Date,
         Page::IdentityPage},
        {u"patient.birthPlace"_s, QT_TRANSLATE_NOOP("RecordFields", "Place of birth (INSEE code)"),
         Kind::Text, Page::IdentityPage},
        {u"patient.ins"_s, QT_TRANSLATE_NOOP("RecordFields", "INS number (NIR or NIA)"), Kind::Text,
         Page::IdentityPage},
        {u"patient.insOid"_s,
         QT_TRANSLATE_NOOP("RecordFields", "INS number authority"),
         Kind::Choice,
         Page::IdentityPage,
         {{u"1.2.250.1.213.1.4.8"_s, QT_TRANSLATE_NOOP("RecordFields", "NIR")},
          {u"1.2.250.1.213.1.4.9"_s, QT_TRANSLATE_NOOP("RecordFields", "NIA")},
          {u"1.2.250.1.213.1.4.10"_s, QT_TRANSLATE_NOOP("RecordFields", "Test NIR")},
          {u"1.2.250.1.213.1.4.11"_s, QT_TRANSLATE_NOOP("RecordFields", "Demonstration NIR")}}},
        {u"patient.identityStatus"_s,
         QT_TRANSLATE_NOOP("RecordFields", "Identity status"),
         Kind::Choice,
         Page::IdentityPage,
         {{u"provisional"_s, QT_TRANSLATE_NOOP("RecordFields", "Provisional")},
          {u"retrieved"_s, QT_TRANSLATE_NOOP("RecordFields", "Retrieved")},
          {u"validated"_s, QT_TRANSLATE_NOOP("RecordFields", "Validated")},
          {u"qualified"_s, QT_TRANSLATE_NOOP("RecordFields", "Qualified")}}},
        {u"patient.openingRightsNir"_s,
         QT_TRANSLATE_NOOP("RecordFields", "Social security number of the insured person"),
         Kind::Text, Page::IdentityPage},
    };
}

// How the patient is reached.
QList<RecordField> contactFields()
{
    return {
        {u"contact.address.lines.0"_s, QT_TRANSLATE_NOOP("RecordFields", "Address"), Kind::Text,
         Page::ContactPage},
        {u"contact.address.lines.1"_s, QT_TRANSLATE_NOOP("RecordFields", "Address (continued)"),
         Kind::Text, Page::ContactPage},
        {u"contact.address.postalCode"_s, QT_TRANSLATE_NOOP("RecordFields", "Postal code"),
         Kind::Text, Page::ContactPage},
        {u"contact.address.city"_s, QT_TRANSLATE_NOOP("RecordFields", "Town"), Kind::Text,
         Page::ContactPage},
        {u"contact.address.country"_s, QT_TRANSLATE_NOOP("RecordFields", "Country (ISO code)"),
         Kind::Text, Page::ContactPage},
        {u"contact.email"_s, QT_TRANSLATE_NOOP("RecordFields", "E-mail address"), Kind::Text,
         Page::ContactPage},
        {u"contact.emailOwner"_s, QT_TRANSLATE_NOOP("RecordFields", "Whose e-mail address"),
         Kind::Choice, Page::ContactPage, Owners},
        {u"contact.mobilePhone"_s, QT_TRANSLATE_NOOP("RecordFields", "Mobile phone"), Kind::Text,
         Page::ContactPage},
        {u"contact.mobilePhoneOwner"_s, QT_TRANSLATE_NOOP("RecordFields", "Whose mobile phone"),
         Kind::Choice, Page::ContactPage, Owners},
        {u"contact.landlinePhone"_s, QT_TRANSLATE_NOOP("RecordFields", "Landline phone"),
         Kind::Text, Page::ContactPage},
    };
}

// Where the patient lives, and their symptoms.
QList<RecordField> situationFields()
{
    return {
        {u"residence"_s,
         QT_TRANSLATE_NOOP("RecordFields", "Current place of residence"),
         Kind::MultiChoice,
         Page::SituationPage,
         {{u"individual"_s, QT_TRANSLATE_NOOP("RecordFields", "Individual housing")},
          {u"hospitalized"_s, QT_TRANSLATE_NOOP("RecordFields", "Hospitalised")},
          {u"ehpad"_s, QT_TRANSLATE_NOOP("RecordFields", "Resident of a care home (EHPAD)")},
          {u"prison"_s, QT_TRANSLATE_NOOP("RecordFields", "In prison")},
          {u"collective_other"_s,
           QT_TRANSLATE_NOOP("RecordFields", "Other collective accommodation")}}},
        {u"healthProfessional"_s, QT_TRANSLATE_NOOP("RecordFields", "Works in the health system"),
         Kind::YesNo, Page::SituationPage},
        {u"symptomOnset"_s,
         QT_TRANSLATE_NOOP("RecordFields", "First symptoms"),
         Kind::Choice,
         Page::SituationPage,
         {{u"asymptomatic"_s, QT_TRANSLATE_NOOP("RecordFields", "No symptoms")},
          {u"very_recent"_s, QT_TRANSLATE_NOOP("RecordFields", "Today or yesterday")},
          {u"recent"_s, QT_TRANSLATE_NOOP("RecordFields", "2 to 4 days ago")},
          {u"old"_s, QT_TRANSLATE_NOOP("RecordFields", "5 to 7 days ago")},
          {u"very_old"_s, QT_TRANSLATE_NOOP("RecordFields", "More than a week ago")},
          {u"unknown"_s, QT_TRANSLATE_NOOP("RecordFields", "Does not know")}}},
        {u"symptoms"_s,
         QT_TRANSLATE_NOOP("RecordFields", "Symptoms"),
         Kind::MultiChoice,
         Page::SituationPage,
         {{u"fever"_s, QT_TRANSLATE_NOOP("RecordFields", "Fever")},
          {u"cough"_s, QT_TRANSLATE_NOOP("RecordFields", "Cough")},
          {u"sore_throat"_s, QT_TRANSLATE_NOOP("RecordFields", "Sore throat")},
          {u"anosmia_ageusia"_s, QT_TRANSLATE_NOOP("RecordFields", "Loss of taste or smell")},
          {u"fatigue_pain"_s, QT_TRANSLATE_NOOP("RecordFields", "Unusual tiredness or aches")},
          {u"diarrhea"_s, QT_TRANSLATE_NOOP("RecordFields", "Diarrhoea")},
          {u"breathing"_s, QT_TRANSLATE_NOOP("RecordFields", "Difficulty breathing")}}},
    };
}

// The prescriber and the treating physician.
QList<RecordField> physicianFields()
{
    return {
        {u"prescriber.rpps"_s, QT_TRANSLATE_NOOP("RecordFields", "Prescriber: RPPS number"),
         Kind::Text, Page::PhysiciansPage},
        {u"prescriber.adeli"_s, QT_TRANSLATE_NOOP("RecordFields", "Prescriber: ADELI number"),
         Kind::Text, Page::PhysiciansPage},
        {u"prescriber.familyName"_s, QT_TRANSLATE_NOOP("RecordFields", "Prescriber: name"),
         Kind::Text, Page::PhysiciansPage},
        {u"prescriber.givenName"_s, QT_TRANSLATE_NOOP("RecordFields", "Prescriber: first name"),
         Kind::Text, Page::PhysiciansPage},
        {u"prescriber.mssante"_s, QT_TRANSLATE_NOOP("RecordFields", "Prescriber: MSSanté address"),
         Kind::Text, Page::PhysiciansPage},
        {u"prescriber.structure.name"_s, QT_TRANSLATE_NOOP("RecordFields", "Prescriber: practice"),
         Kind::Text, Page::PhysiciansPage},
        {u"prescriber.structure.phone"_s,
         QT_TRANSLATE_NOOP("RecordFields", "Prescriber: practice phone"), Kind::Text,
         Page::PhysiciansPage},
        {u"treatingPhysician.rpps"_s,
         QT_TRANSLATE_NOOP("RecordFields", "Treating physician: RPPS number"), Kind::Text,
         Page::PhysiciansPage},
        {u"treatingPhysician.adeli"_s,
         QT_TRANSLATE_NOOP("RecordFields", "Treating physician: ADELI number"), Kind::Text,
         Page::PhysiciansPage},
        {u"treatingPhysician.familyName"_s,
         QT_TRANSLATE_NOOP("RecordFields", "Treating physician: name"), Kind::Text,
         Page::PhysiciansPage},
        {u"treatingPhysician.givenName"_s,
         QT_TRANSLATE_NOOP("RecordFields", "Treating physician: first name"), Kind::Text,
         Page::PhysiciansPage},
        {u"treatingPhysician.mssante"_s,
         QT_TRANSLATE_NOOP("RecordFields", "Treating physician: MSSanté address"), Kind::Text,
         Page::PhysiciansPage},
    };
}

// When and for which laboratory the sample was taken.
QList<RecordField> samplingFields()
{
    return {
        {u"specimen.collectedAt"_s, QT_TRANSLATE_NOOP("RecordFields", "Sampling date and time"),
         Kind::DateTime, Page::SamplingPage},
        {u"specimen.finess"_s,
         QT_TRANSLATE_NOOP("RecordFields", "FINESS of the responsible laboratory"), Kind::Text,
         Page::SamplingPage},
        {u"specimen.finessKind"_s,
         QT_TRANSLATE_NOOP("RecordFields", "FINESS kind"),
         Kind::Choice,
         Page::SamplingPage,
         {{u"geographic"_s, QT_TRANSLATE_NOOP("RecordFields", "Geographic")},
          {u"legal"_s, QT_TRANSLATE_NOOP("RecordFields", "Legal entity")}}},
    };
}

// The fields in the order of the form's pages.
QList<RecordField> makeFields()
{
    return tubeAndIdentityFields() + contactFields() + situationFields() + physicianFields() +
           samplingFields();
}

} // namespace

QString RecordField::translatedLabel() const
{
    return QCoreApplication::translate("RecordFields", label);
}

QString RecordField::objectName() const
{
    QString name;
    bool upper = false;
    for (QChar ch : key) {
        if (ch == u'.') {
            upper = true;
        } else if (ch.isDigit()) {
            name.append(ch);
            upper = true;
        } else {
            name.append(upper ? ch.toUpper() : ch);
            upper = false;
        }
    }
    switch (kind) {
    case Kind::Text:
    case Kind::Date:
        return name + u"LineEdit"_s;
    case Kind::Choice:
    case Kind::YesNo:
        return name + u"ComboBox"_s;
    case Kind::MultiChoice:
        return name + u"ListWidget"_s;
    case Kind::DateTime:
        return name + u"DateTimeEdit"_s;
    }
    return name;
}

const QList<RecordField>& RecordFields::all()
{
    static const QList<RecordField> fields = makeFields();
    return fields;
}

QString RecordFields::pageTitle(RecordField::Page page)
{
    switch (page) {
    case RecordField::TubePage:
        return tr("&1 Tube");
    case RecordField::IdentityPage:
        return tr("&2 Identity");
    case RecordField::ContactPage:
        return tr("&3 Contact");
    case RecordField::SituationPage:
        return tr("&4 Situation");
    case RecordField::PhysiciansPage:
        return tr("&5 Physicians");
    case RecordField::SamplingPage:
        return tr("&6 Sampling");
    case RecordField::ReviewPage:
        return tr("&7 Review");
    }
    return {};
}

bool RecordFields::stopsEnter(const QString& key)
{
    static const QSet<QString> keys = {
        u"specimen.accession"_s,
        u"patient.birthName"_s,
        u"patient.firstNames"_s,
        u"patient.sex"_s,
        u"patient.birthDate"_s,
        u"patient.ins"_s,
        u"contact.address.lines.0"_s,
        u"contact.address.postalCode"_s,
        u"contact.address.city"_s,
        u"contact.email"_s,
        u"contact.mobilePhone"_s,
        u"residence"_s,
        u"healthProfessional"_s,
        u"symptomOnset"_s,
        u"symptoms"_s,
        u"specimen.collectedAt"_s,
        u"specimen.finess"_s,
    };
    return keys.contains(key);
}

int RecordFields::column(const QString& key)
{
    // The right column of two-column pages: the INS and its details, the e-mail and phones,
    // the symptoms, the treating physician.
    static const QSet<QString> right = {
        u"patient.ins"_s,
        u"patient.insOid"_s,
        u"patient.identityStatus"_s,
        u"patient.openingRightsNir"_s,
        u"contact.email"_s,
        u"contact.emailOwner"_s,
        u"contact.mobilePhone"_s,
        u"contact.mobilePhoneOwner"_s,
        u"contact.landlinePhone"_s,
        u"symptomOnset"_s,
        u"symptoms"_s,
    };
    return right.contains(key) || key.startsWith(u"treatingPhysician."_s) ? 1 : 0;
}

int RecordFields::widthInCharacters(const QString& key)
{
    // Room for what the field holds, not the window's width.
    static const QHash<QString, int> widths = {
        {u"specimen.accession"_s, 24},       {u"patient.birthDate"_s, 12},
        {u"patient.birthPlace"_s, 8},        {u"patient.ins"_s, 24},
        {u"patient.openingRightsNir"_s, 24}, {u"contact.address.postalCode"_s, 8},
        {u"contact.address.country"_s, 6},   {u"contact.mobilePhone"_s, 18},
        {u"contact.landlinePhone"_s, 18},    {u"prescriber.rpps"_s, 14},
        {u"prescriber.adeli"_s, 12},         {u"treatingPhysician.rpps"_s, 14},
        {u"treatingPhysician.adeli"_s, 12},  {u"prescriber.structure.phone"_s, 18},
        {u"specimen.finess"_s, 12},          {u"contact.address.lines.0"_s, 36},
        {u"contact.address.lines.1"_s, 36},
    };
    return widths.value(key, 28);
}
