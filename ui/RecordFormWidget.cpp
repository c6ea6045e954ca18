#include "RecordFormWidget.h"

#include "DraftStore.h"
#include "Feedback.h"
#include "MessageBox.h"
#include "PatientBanner.h"
#include "RecordStore.h"
#include "RecordValidator.h"
#include "SamplingRecord.h"
#include "Store.h"
#include "TubeLabelPrinter.h"
#include "ui_RecordFormWidget.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QRegularExpression>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace {

using Kind = RecordField::Kind;

// Reads and writes a value at a dotted path ("contact.address.city") in nested objects.
// A last component that is a number indexes a list ("contact.address.lines.1").
QJsonValue valueAt(const QJsonObject& root, const QString& key)
{
    const QStringList path = key.split(u'.');
    QJsonValue current = root;
    for (const QString& part : path) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        current = isIndex ? current.toArray().at(index) : current.toObject().value(part);
    }
    return current;
}

void setValueAt(QJsonObject& root, QStringList path, const QJsonValue& value)
{
    const QString head = path.takeFirst();
    if (path.isEmpty()) {
        root.insert(head, value);
        return;
    }
    bool isIndex = false;
    const int index = path.first().toInt(&isIndex);
    if (isIndex) {
        QJsonArray list = root.value(head).toArray();
        while (list.size() <= index)
            list.append(QString());
        list[index] = value;
        root.insert(head, list);
        return;
    }
    QJsonObject child = root.value(head).toObject();
    setValueAt(child, path, value);
    root.insert(head, child);
}

// Typed dates: "21/10/1995", "21101995" or ISO. Anything else stays as typed, and the
// validator says what is wrong with it.
QString isoDate(const QString& typed)
{
    const QString text = typed.trimmed();
    for (const QString& format : {u"dd/MM/yyyy"_s, u"d/M/yyyy"_s, u"ddMMyyyy"_s, u"dd-MM-yyyy"_s}) {
        const QDate date = QDate::fromString(text, format);
        if (date.isValid())
            return date.toString(Qt::ISODate);
    }
    return text;
}

// Nothing typed or chosen: no value, an empty text or an empty list.
bool isEmptyValue(const QJsonValue& value)
{
    return value.isNull() || value.isUndefined() ||
           (value.isString() && value.toString().isEmpty()) ||
           (value.isArray() && value.toArray().isEmpty());
}

QString displayedDate(const QString& iso)
{
    const QDate date = QDate::fromString(iso, Qt::ISODate);
    return date.isValid() ? date.toString(u"dd/MM/yyyy"_s) : iso;
}

} // namespace

RecordFormWidget::RecordFormWidget(Store& store, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RecordFormWidget>())
    , m_store(store)
{
    m_ui->setupUi(this);
    for (int page = RecordField::TubePage; page <= RecordField::ReviewPage; ++page)
        m_ui->pagesTabWidget->setTabText(page, RecordFields::pageTitle(RecordField::Page(page)));
    m_ui->patientBanner->hide();
    m_ui->messageLabel->hide();
    buildFields();

    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(800);
    connect(&m_draftTimer, &QTimer::timeout, this, &RecordFormWidget::saveDraftNow);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &RecordFormWidget::save);
    connect(m_ui->discardButton, &QPushButton::clicked, this, &RecordFormWidget::discard);
    connect(m_ui->nextButton, &QPushButton::clicked, this, [this] { goToPage(1); });
    connect(m_ui->previousButton, &QPushButton::clicked, this, [this] { goToPage(-1); });
    connect(m_ui->pagesTabWidget, &QTabWidget::currentChanged, this, [this](int page) {
        if (page == RecordField::ReviewPage)
            refreshReview();
        // The review has the same card, to read back: not twice on screen.
        m_ui->patientBanner->setVisible(m_ui->patientBanner->hasIdentity() &&
                                        page != RecordField::ReviewPage);
    });
    connect(m_ui->problemsListWidget, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) {
                const QString key = item->data(Qt::UserRole).toString();
                if (QWidget* input = fieldWidget(key)) {
                    m_ui->pagesTabWidget->setCurrentIndex(
                        m_fields.at(m_fieldIndex.value(key)).field->page);
                    input->setFocus();
                }
            });
    m_ui->identityOverrideReasonLineEdit->installEventFilter(this);
    m_ui->amendReasonLineEdit->installEventFilter(this);
    connect(m_ui->amendReasonLineEdit, &QLineEdit::textEdited, this, [this] { refreshReview(); });
    m_ui->saveButton->setAutoDefault(true); // Enter on the focused button saves
    // The review reads left to right: the card to read back, then what is missing, then save.
    setTabOrder(m_ui->problemsListWidget, m_ui->amendReasonLineEdit);
    setTabOrder(m_ui->amendReasonLineEdit, m_ui->identityOverrideReasonLineEdit);
    setTabOrder(m_ui->identityOverrideReasonLineEdit, m_ui->confirmWarningsCheckBox);
    setTabOrder(m_ui->confirmWarningsCheckBox, m_ui->saveButton);

    auto* printLabel = new QPushButton(tr("Print a ne&w label for this tube"), this);
    printLabel->setObjectName(u"printLabelButton"_s);
    printLabel->setAutoDefault(false);
    m_ui->tubeFormLayout->addRow(QString(), printLabel);
    connect(printLabel, &QPushButton::clicked, this, &RecordFormWidget::printNewLabel);
    m_ui->amendReasonLabel->hide();
    m_ui->amendReasonLineEdit->hide();
}

RecordFormWidget::~RecordFormWidget() = default;

QFormLayout* RecordFormWidget::layoutFor(RecordField::Page page, int column) const
{
    switch (page) {
    case RecordField::TubePage:
        return m_ui->tubeFormLayout;
    case RecordField::IdentityPage:
        return column == 0 ? m_ui->identityFormLayout : m_ui->identityRightFormLayout;
    case RecordField::ContactPage:
        return column == 0 ? m_ui->contactFormLayout : m_ui->contactRightFormLayout;
    case RecordField::SituationPage:
        return column == 0 ? m_ui->situationFormLayout : m_ui->situationRightFormLayout;
    case RecordField::PhysiciansPage:
        return column == 0 ? m_ui->physiciansFormLayout : m_ui->physiciansRightFormLayout;
    case RecordField::SamplingPage:
        return m_ui->samplingFormLayout;
    case RecordField::ReviewPage:
        break;
    }
    return nullptr;
}

void RecordFormWidget::buildFields()
{
    const int charWidth = fontMetrics().averageCharWidth();
    for (const RecordField& field : RecordFields::all()) {
        QWidget* input = createInput(field);
        auto* message = new QLabel(this);
        message->setObjectName(input->objectName()
                                   .replace(u"LineEdit"_s, u""_s)
                                   .replace(u"ComboBox"_s, u""_s)
                                   .replace(u"ListWidget"_s, u""_s)
                                   .replace(u"DateTimeEdit"_s, u""_s) +
                               u"MessageLabel"_s);
        message->setWordWrap(true);
        message->setStyleSheet(
            u"color: %1;"_s.arg(Feedback::foreground(Feedback::Tone::Error).name()));
        message->setAccessibleName(tr("%1: message").arg(field.translatedLabel()));
        message->hide();

        // Fields as wide as what they hold: a postal code is not a paragraph.
        const int chars = RecordFields::widthInCharacters(field.key);
        if (qobject_cast<QLineEdit*>(input)) {
            input->setFixedWidth(charWidth * chars + 16);
        } else if (auto* combo = qobject_cast<QComboBox*>(input)) {
            combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        } else if (auto* list = qobject_cast<QListWidget*>(input)) {
            // As wide as its longest answer, with the check box: nothing cut off.
            int widest = 0;
            for (int row = 0; row < list->count(); ++row)
                widest = std::max(widest,
                                  list->fontMetrics().horizontalAdvance(list->item(row)->text()));
            const int indicator =
                list->style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, list);
            list->setFixedWidth(widest + indicator + 2 * list->frameWidth() + 24);
        }
        // The message under the field has a width of its own, wider than a short field, and
        // always the height of its wrapped text (setMessageText).
        message->setFixedWidth(charWidth * MessageCharacters);

        auto* cell = new QWidget(this);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        input->setParent(cell);
        message->setParent(cell);
        cellLayout->addWidget(input, 0, Qt::AlignLeft);
        cellLayout->addWidget(message, 0, Qt::AlignLeft);
        auto* label = new QLabel(field.translatedLabel(), this);
        label->setBuddy(input);
        // Long labels wrap at about 22 characters; short ones stay on one line.
        label->setWordWrap(true);
        const int labelWidth =
            std::min(label->fontMetrics().horizontalAdvance(label->text()) + 4, charWidth * 22);
        label->setMinimumWidth(labelWidth);
        label->setMaximumWidth(std::max(labelWidth, charWidth * 22));
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        layoutFor(field.page, RecordFields::column(field.key))->addRow(label, cell);

        input->installEventFilter(this);
        m_fieldIndex.insert(field.key, m_fields.size());
        m_fields.append({&field, input, message});
    }
}

QWidget* RecordFormWidget::createInput(const RecordField& field)
{
    QWidget* input = nullptr;
    const QString key = field.key;
    switch (field.kind) {
    case Kind::Text:
    case Kind::Date: {
        auto* edit = new QLineEdit;
        if (field.kind == Kind::Date)
            edit->setPlaceholderText(tr("DD/MM/YYYY"));
        connect(edit, &QLineEdit::textEdited, this, [this] { fieldChanged(); });
        connect(edit, &QLineEdit::editingFinished, this, [this, key] { fieldLeft(key); });
        input = edit;
        break;
    }
    case Kind::Choice:
    case Kind::YesNo: {
        auto* combo = new QComboBox;
        combo->addItem(QString(), QString());
        if (field.kind == Kind::YesNo) {
            combo->addItem(tr("Yes"), u"true"_s);
            combo->addItem(tr("No"), u"false"_s);
        }
        for (const RecordField::Choice& choice : field.choices)
            combo->addItem(QCoreApplication::translate("RecordFields", choice.label), choice.value);
        // Numbered answers: one key press chooses and moves on.
        for (int i = 1; i < combo->count(); ++i)
            combo->setItemText(i, u"%1  %2"_s.arg(i).arg(combo->itemText(i)));
        connect(combo, &QComboBox::activated, this, [this, key] {
            fieldChanged();
            fieldLeft(key);
        });
        input = combo;
        break;
    }
    case Kind::MultiChoice: {
        auto* list = new QListWidget;
        int number = 0;
        for (const RecordField::Choice& choice : field.choices) {
            auto* item =
                new QListWidgetItem(u"%1  %2"_s.arg(++number).arg(
                                        QCoreApplication::translate("RecordFields", choice.label)),
                                    list);
            item->setData(Qt::UserRole, choice.value);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        // Every answer in view, no scroll bar: as tall as its rows (a row at least as tall as
        // a line of the font with its check box, before the list is polished).
        list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->ensurePolished();
        const int row = std::max(list->sizeHintForRow(0), list->fontMetrics().height() + 2);
        list->setFixedHeight(row * list->count() + 2 * list->frameWidth() + 2);
        connect(list, &QListWidget::itemChanged, this, [this, key] {
            fieldChanged();
            fieldLeft(key);
        });
        input = list;
        break;
    }
    case Kind::DateTime: {
        auto* edit = new QDateTimeEdit;
        edit->setDisplayFormat(u"dd/MM/yyyy HH:mm"_s);
        edit->setCalendarPopup(true);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this, key] {
            if (!m_filling && key == u"specimen.collectedAt"_s)
                m_samplingTimeEdited = true;
            fieldChanged();
        });
        connect(edit, &QDateTimeEdit::editingFinished, this, [this, key] { fieldLeft(key); });
        input = edit;
        break;
    }
    }
    input->setObjectName(field.objectName());
    input->setAccessibleName(field.translatedLabel());
    return input;
}

QJsonValue RecordFormWidget::inputValue(const FieldWidgets& widgets) const
{
    switch (widgets.field->kind) {
    case Kind::Text:
        return qobject_cast<QLineEdit*>(widgets.input)->text().trimmed();
    case Kind::Date:
        return isoDate(qobject_cast<QLineEdit*>(widgets.input)->text());
    case Kind::Choice:
        return qobject_cast<QComboBox*>(widgets.input)->currentData().toString();
    case Kind::YesNo: {
        const QString answer = qobject_cast<QComboBox*>(widgets.input)->currentData().toString();
        return answer.isEmpty() ? QJsonValue() : QJsonValue(answer == u"true"_s);
    }
    case Kind::MultiChoice: {
        auto* list = qobject_cast<QListWidget*>(widgets.input);
        QJsonArray checked;
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->checkState() == Qt::Checked)
                checked.append(list->item(row)->data(Qt::UserRole).toString());
        }
        return checked;
    }
    case Kind::DateTime: {
        const QDateTime when = qobject_cast<QDateTimeEdit*>(widgets.input)->dateTime();
        // Written with the workstation's offset, as annex1.md asks.
        return when.toOffsetFromUtc(when.offsetFromUtc()).toString(Qt::ISODate);
    }
    }
    return {};
}

void RecordFormWidget::setInputValue(const FieldWidgets& widgets, const QJsonValue& value)
{
    switch (widgets.field->kind) {
    case Kind::Text:
        qobject_cast<QLineEdit*>(widgets.input)->setText(value.toString());
        break;
    case Kind::Date:
        qobject_cast<QLineEdit*>(widgets.input)->setText(displayedDate(value.toString()));
        break;
    case Kind::Choice:
    case Kind::YesNo: {
        auto* combo = qobject_cast<QComboBox*>(widgets.input);
        const QString choice =
            value.isBool() ? (value.toBool() ? u"true"_s : u"false"_s) : value.toString();
        combo->setCurrentIndex(std::max(0, combo->findData(choice)));
        break;
    }
    case Kind::MultiChoice: {
        auto* list = qobject_cast<QListWidget*>(widgets.input);
        const QJsonArray values = value.toArray();
        for (int row = 0; row < list->count(); ++row) {
            const bool on = values.contains(list->item(row)->data(Qt::UserRole).toString());
            list->item(row)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        }
        break;
    }
    case Kind::DateTime: {
        const QDateTime when = QDateTime::fromString(value.toString(), Qt::ISODate);
        qobject_cast<QDateTimeEdit*>(widgets.input)
            ->setDateTime(when.isValid() ? when.toLocalTime() : m_clock());
        break;
    }
    }
}

QJsonObject RecordFormWidget::formJson() const
{
    QJsonObject json;
    for (const FieldWidgets& widgets : m_fields) {
        const QJsonValue value = inputValue(widgets);
        if (!isEmptyValue(value))
            setValueAt(json, widgets.field->key.split(u'.'), value);
    }
    // Address lines left empty in the middle would be read as blank lines.
    QJsonObject contact = json.value(u"contact"_s).toObject();
    QJsonObject address = contact.value(u"address"_s).toObject();
    if (address.contains(u"lines"_s)) {
        QJsonArray lines;
        for (const QJsonValue& line : address.value(u"lines"_s).toArray()) {
            if (!line.toString().trimmed().isEmpty())
                lines.append(line);
        }
        address.insert(u"lines"_s, lines);
        contact.insert(u"address"_s, address);
        json.insert(u"contact"_s, contact);
    }
    return json;
}

void RecordFormWidget::setFormJson(const QJsonObject& json)
{
    m_filling = true;
    for (const FieldWidgets& widgets : std::as_const(m_fields))
        setInputValue(widgets, valueAt(json, widgets.field->key));
    m_filling = false;
}

bool RecordFormWidget::hasInput() const
{
    QJsonObject json = formJson();
    // The defaults alone are not input.
    QJsonObject specimen = json.value(u"specimen"_s).toObject();
    specimen.remove(u"collectedAt"_s);
    specimen.remove(u"finess"_s);
    if (specimen.isEmpty())
        json.remove(u"specimen"_s);
    else
        json.insert(u"specimen"_s, specimen);
    return !json.isEmpty();
}

void RecordFormWidget::startNew()
{
    clearAll();
    QJsonObject defaults;
    // A first value; the tube scan stamps the real sampling time.
    setValueAt(defaults, {u"specimen"_s, u"collectedAt"_s}, m_clock().toString(Qt::ISODate));
    setValueAt(defaults, {u"specimen"_s, u"finess"_s}, m_store.siteFiness());
    setFormJson(defaults);
    m_ui->pagesTabWidget->setCurrentIndex(RecordField::TubePage);
    if (QWidget* tube = fieldWidget(u"specimen.accession"_s))
        tube->setFocus();
}

void RecordFormWidget::clearAll()
{
    m_draftTimer.stop();
    m_filling = true;
    for (const FieldWidgets& widgets : std::as_const(m_fields)) {
        setInputValue(widgets, QJsonValue());
        widgets.message->clear();
        widgets.message->hide();
        widgets.input->setStyleSheet(QString());
    }
    m_filling = false;
    m_visited.clear();
    m_samplingTimeEdited = false;
    m_ui->problemsListWidget->clear();
    m_ui->identityOverrideReasonLineEdit->clear();
    m_ui->amendReasonLineEdit->clear();
    m_ui->confirmWarningsCheckBox->setChecked(false);
    Feedback::clearMessage(m_ui->messageLabel);
    m_ui->patientBanner->clear();
    m_ui->patientBanner->hide();
    m_ui->reviewBanner->clear();
    m_ui->readBackLabel->clear();
    m_labelAwaitingScan.clear();
    m_amending = QUuid();
    m_amendingVersion = 0;
    m_ui->amendReasonLabel->hide();
    m_ui->amendReasonLineEdit->hide();
    m_ui->saveButton->setText(tr("Sa&ve the sampling record"));
}

namespace {

// What a draft of a correction carries besides the form: the record it corrects.
const QString AmendsKey = u"_amends"_s;

} // namespace

bool RecordFormWidget::restoreDraft()
{
    DraftStore drafts(m_store);
    QJsonObject form;
    if (!drafts.load(&form))
        return false;
    clearAll();
    const QUuid amends = QUuid::fromString(form.take(AmendsKey).toString());
    setFormJson(form);
    // The time in the draft was stamped (or set) before: it stays.
    m_samplingTimeEdited = !valueAt(form, u"specimen.accession"_s).toString().isEmpty();
    // Show what is wrong with what was typed before, as if each field had been left.
    for (const FieldWidgets& widgets : std::as_const(m_fields)) {
        if (!valueAt(form, widgets.field->key).isUndefined())
            m_visited.insert(widgets.field->key);
    }
    if (!amends.isNull() && m_store.records() && m_store.records()->exists(amends)) {
        m_amending = amends;
        m_ui->amendReasonLabel->show();
        m_ui->amendReasonLineEdit->show();
        m_ui->saveButton->setText(tr("Sa&ve the correction"));
    }
    showProblems();
    refreshBanner();
    setMessage(int(Feedback::Tone::Info), tr("The form in progress was restored."));
    return true;
}

void RecordFormWidget::saveDraftNow()
{
    m_draftTimer.stop();
    if (!m_store.isSignedIn() || !hasInput())
        return;
    QJsonObject form = formJson();
    if (!m_amending.isNull())
        form.insert(AmendsKey, m_amending.toString(QUuid::WithoutBraces));
    QString error;
    if (!DraftStore(m_store).save(form, &error)) {
        setMessage(int(Feedback::Tone::Error), tr("The draft could not be saved: %1").arg(error));
    }
}

void RecordFormWidget::setMessage(int tone, const QString& text)
{
    Feedback::showMessage(m_ui->messageLabel, Feedback::Tone(tone), text);
}

QString RecordFormWidget::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

void RecordFormWidget::fieldChanged()
{
    if (m_filling)
        return;
    m_draftTimer.start();
    // The message was about the last action; this is a new one.
    if (m_ui->messageLabel->property("tone").value<Feedback::Tone>() != Feedback::Tone::Error ||
        m_labelAwaitingScan.isEmpty()) {
        Feedback::clearMessage(m_ui->messageLabel);
    }
}

QString RecordFormWidget::keyOfInput(const QObject* input) const
{
    for (const FieldWidgets& widgets : m_fields) {
        if (widgets.input == input)
            return widgets.field->key;
    }
    return {};
}

void RecordFormWidget::fieldLeft(const QString& key)
{
    if (m_filling)
        return;
    m_visited.insert(key);
    // Whose address or number: the patient's, nearly always; the nurse changes it if not.
    // An INS number typed by hand is a NIR far more often than a NIA: default its
    // authority, which the nurse can still change.
    if (key == u"patient.ins"_s && !isEmptyField(m_fields.at(m_fieldIndex.value(key)))) {
        const FieldWidgets& oid = m_fields.at(m_fieldIndex.value(u"patient.insOid"_s));
        if (isEmptyField(oid))
            setInputValue(oid, u"1.2.250.1.213.1.4.8"_s);
    }
    const QHash<QString, QString> owners = {
        {u"contact.email"_s, u"contact.emailOwner"_s},
        {u"contact.mobilePhone"_s, u"contact.mobilePhoneOwner"_s}};
    if (owners.contains(key) && !isEmptyField(m_fields.at(m_fieldIndex.value(key)))) {
        const FieldWidgets& owner = m_fields.at(m_fieldIndex.value(owners.value(key)));
        if (isEmptyField(owner))
            setInputValue(owner, u"patient"_s);
    }
    if (key == u"contact.address.lines.0"_s)
        splitAddressLine();
    // A NIR is checked against sex and birth date as soon as any of the three is left.
    if (key == u"patient.sex"_s || key == u"patient.birthDate"_s)
        m_visited.insert(u"patient.ins"_s);
    showProblems();
    if (key.startsWith(u"patient."_s))
        refreshBanner();
}

QString RecordFormWidget::widgetKeyForProblem(const QString& problemField) const
{
    if (m_fieldIndex.contains(problemField))
        return problemField;
    if (problemField == u"contact.address.lines"_s)
        return u"contact.address.lines.0"_s;
    if (problemField == u"contact"_s)
        return u"contact.email"_s;
    return {};
}

QList<Problem> RecordFormWidget::currentProblems() const
{
    QList<Problem> problems;
    SamplingRecord record = SamplingRecord::fromJson(formJson(), &problems);
    RecordValidator::Options options;
    options.identityOverrideReason = m_ui->identityOverrideReasonLineEdit->text();
    problems += RecordValidator::validate(&record, options);
    if (!m_labelAwaitingScan.isEmpty()) {
        problems.append({Problem::Severity::Error, u"specimen.accession"_s, u"accession.scanBack"_s,
                         tr("scan the printed label to check it before saving")});
    }
    // The blind index says at once whether this tube is already used at this site (by
    // another record than the one being corrected).
    QUuid existing;
    QString ignored;
    if (!record.specimen.accession.isEmpty() && m_store.records() &&
        m_store.records()->findByTube(record.specimen.accession, &existing, &ignored) &&
        existing != m_amending) {
        problems.append({Problem::Severity::Error, u"specimen.accession"_s,
                         u"accession.duplicate"_s,
                         tr("this tube label is already used at this site: take another tube "
                            "or check the label")});
    }
    if (!m_amending.isNull() && m_ui->amendReasonLineEdit->text().trimmed().isEmpty()) {
        problems.append({Problem::Severity::Error, u"amendment.reason"_s, u"required"_s,
                         tr("say why the saved record is corrected")});
    }
    return problems;
}

void RecordFormWidget::showProblems()
{
    QHash<QString, QStringList> messages;
    for (const Problem& problem : currentProblems()) {
        const QString key = widgetKeyForProblem(problem.field);
        if (!key.isEmpty())
            messages[key].append(problem.message);
    }
    for (const FieldWidgets& widgets : std::as_const(m_fields)) {
        const QStringList text = m_visited.contains(widgets.field->key)
                                     ? messages.value(widgets.field->key)
                                     : QStringList();
        setMessageText(widgets.message, text.join(u"; "_s));
    }
}

void RecordFormWidget::setMessageText(QLabel* message, const QString& text)
{
    message->setText(text);
    // A form layout gives a field its size hint: the wrapped message asks for all its lines.
    message->setMinimumHeight(text.isEmpty() ? 0 : message->heightForWidth(message->width()));
    message->setVisible(!text.isEmpty());
}

QWidget* RecordFormWidget::fieldWidget(const QString& key) const
{
    const qsizetype index = m_fieldIndex.value(key, -1);
    return index < 0 ? nullptr : m_fields.at(index).input;
}

QString RecordFormWidget::fieldMessage(const QString& key) const
{
    const qsizetype index = m_fieldIndex.value(key, -1);
    return index < 0 ? QString() : m_fields.at(index).message->text();
}

void RecordFormWidget::refreshBanner()
{
    const QJsonObject json = formJson();
    const QJsonObject patient = json.value(u"patient"_s).toObject();
    const QString collectedAt =
        json.value(u"specimen"_s).toObject().value(u"collectedAt"_s).toString();
    const QDate today = m_clock().date();
    m_ui->patientBanner->setPatient(patient, collectedAt, today);
    m_ui->patientBanner->setVisible(m_ui->patientBanner->hasIdentity() &&
                                    m_ui->pagesTabWidget->currentIndex() !=
                                        RecordField::ReviewPage);
    m_ui->reviewBanner->setPatient(patient, collectedAt, today);

    // What else to read back: how the result will reach the patient, and the tube.
    const QJsonObject contact = json.value(u"contact"_s).toObject();
    const QJsonObject address = contact.value(u"address"_s).toObject();
    QStringList lines;
    QStringList addressParts;
    for (const QJsonValue& line : address.value(u"lines"_s).toArray())
        addressParts.append(line.toString());
    const QString town =
        address.value(u"postalCode"_s).toString() + u' ' + address.value(u"city"_s).toString();
    addressParts.append(town.trimmed());
    addressParts.removeAll(QString());
    lines.append(
        tr("Address: %1").arg(addressParts.isEmpty() ? tr("none") : addressParts.join(u", "_s)));
    const QString mobile = contact.value(u"mobilePhone"_s).toString();
    lines.append(tr("Mobile phone: %1").arg(mobile.isEmpty() ? tr("none") : mobile));
    const QString email = contact.value(u"email"_s).toString();
    lines.append(tr("E-mail: %1").arg(email.isEmpty() ? tr("none") : email));
    const QString tube = json.value(u"specimen"_s).toObject().value(u"accession"_s).toString();
    lines.append(tr("Tube: %1").arg(tube.isEmpty() ? tr("not scanned") : tube));
    const QDateTime sampled = QDateTime::fromString(collectedAt, Qt::ISODate);
    if (sampled.isValid()) {
        lines.append(
            tr("Sampled: %1").arg(QLocale().toString(sampled.toLocalTime(), QLocale::ShortFormat)));
    }
    m_ui->readBackLabel->setText(lines.join(u'\n'));
}

void RecordFormWidget::refreshReview()
{
    refreshBanner();
    const QList<Problem> problems = currentProblems();
    m_ui->problemsListWidget->clear();
    bool identityMismatch = false;
    int errors = 0;
    for (const Problem& problem : problems) {
        const QString key = widgetKeyForProblem(problem.field);
        const qsizetype index = m_fieldIndex.value(key, -1);
        const QString label = problem.field == u"amendment.reason"_s ? tr("Correction")
                              : index < 0                            ? problem.field
                                          : m_fields.at(index).field->translatedLabel();
        const bool error = problem.severity == Problem::Severity::Error;
        errors += error ? 1 : 0;
        auto* item = new QListWidgetItem(
            (error ? tr("To fix: %1: %2") : tr("Missing: %1: %2")).arg(label, problem.message),
            m_ui->problemsListWidget);
        item->setData(Qt::UserRole, key);
        if (error)
            item->setForeground(Feedback::foreground(Feedback::Tone::Error));
        identityMismatch = identityMismatch || (problem.rule.startsWith(u"nir."_s) &&
                                                problem.rule.endsWith(u"Mismatch"_s));
    }
    m_ui->identityOverrideReasonLabel->setVisible(
        identityMismatch || !m_ui->identityOverrideReasonLineEdit->text().isEmpty());
    m_ui->identityOverrideReasonLineEdit->setVisible(
        m_ui->identityOverrideReasonLabel->isVisible());
    const bool warnings = problems.size() > errors;
    m_ui->confirmWarningsCheckBox->setVisible(warnings);
    m_ui->reviewSummaryLabel->setText(
        problems.isEmpty() ? tr("Everything is filled in. Read the card back to the patient, then "
                                "press Save.")
        : errors > 0       ? tr("%n thing(s) to fix before saving.", nullptr, errors)
                           : tr("Some information is missing: confirm to save without it."));
    m_ui->saveButton->setEnabled(errors == 0);
}

bool RecordFormWidget::isEmptyField(const FieldWidgets& widgets) const
{
    const QJsonValue value = inputValue(widgets);
    if (widgets.field->key == u"symptoms"_s) {
        // Nothing to ask when the patient has no symptoms or has not said yet.
        const QString onset =
            inputValue(m_fields.at(m_fieldIndex.value(u"symptomOnset"_s))).toString();
        if (onset.isEmpty() || onset == u"asymptomatic"_s || onset == u"unknown"_s)
            return false;
    }
    return isEmptyValue(value);
}

void RecordFormWidget::focusNextField(QWidget* from)
{
    qsizetype i = 0;
    while (i < m_fields.size() && m_fields.at(i).input != from)
        ++i;
    // Enter goes to the next field that annex1.md requires or asks for and that is still
    // empty: optional and already filled fields are a Tab away, not in the way.
    for (qsizetype next = i + 1; next < m_fields.size(); ++next) {
        const FieldWidgets& candidate = m_fields.at(next);
        if (RecordFields::stopsEnter(candidate.field->key) && isEmptyField(candidate)) {
            m_ui->pagesTabWidget->setCurrentIndex(candidate.field->page);
            candidate.input->setFocus();
            return;
        }
    }
    showReview();
}

void RecordFormWidget::showReview()
{
    m_ui->pagesTabWidget->setCurrentIndex(RecordField::ReviewPage);
    refreshReview();
    QWidget* target = m_ui->problemsListWidget;
    if (!m_amending.isNull() && m_ui->amendReasonLineEdit->text().trimmed().isEmpty())
        target = m_ui->amendReasonLineEdit;
    else if (m_ui->saveButton->isEnabled())
        target = m_ui->confirmWarningsCheckBox->isVisible()
                     ? static_cast<QWidget*>(m_ui->confirmWarningsCheckBox)
                     : static_cast<QWidget*>(m_ui->saveButton);
    target->setFocus();
}

void RecordFormWidget::goToPage(int delta)
{
    const int page = std::clamp(m_ui->pagesTabWidget->currentIndex() + delta, 0,
                                m_ui->pagesTabWidget->count() - 1);
    m_ui->pagesTabWidget->setCurrentIndex(page);
    for (const FieldWidgets& widgets : std::as_const(m_fields)) {
        if (widgets.field->page == page) {
            widgets.input->setFocus();
            return;
        }
    }
}

bool RecordFormWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const int digit = key->key() - Qt::Key_0;
        const QString fieldKey = keyOfInput(watched);
        if (digit == 0 && key->modifiers() == Qt::NoModifier && fieldKey == u"residence"_s) {
            applyUsualSituation();
            return true;
        }
        if (digit >= 1 && digit <= 9 && key->modifiers() == Qt::NoModifier) {
            // A numbered answer: a combo box takes it and moves on; a list ticks it.
            if (auto* combo = qobject_cast<QComboBox*>(watched); combo && digit < combo->count()) {
                combo->setCurrentIndex(digit);
                fieldChanged();
                fieldLeft(fieldKey);
                focusNextField(combo);
                return true;
            }
            if (auto* list = qobject_cast<QListWidget*>(watched); list && digit <= list->count()) {
                QListWidgetItem* item = list->item(digit - 1);
                item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked
                                                                      : Qt::Checked);
                list->setCurrentItem(item);
                return true;
            }
        }
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && key->modifiers() == Qt::NoModifier) {
            if (watched == m_ui->identityOverrideReasonLineEdit ||
                watched == m_ui->amendReasonLineEdit) {
                refreshReview();
                if (m_ui->saveButton->isEnabled())
                    m_ui->saveButton->setFocus();
                return true;
            }
            auto* widget = qobject_cast<QWidget*>(watched);
            // A combo box's popup takes Enter itself; Enter on the closed box moves on.
            if (auto* combo = qobject_cast<QComboBox*>(widget); combo && combo->view()->isVisible())
                return false;
            if (fieldKey == u"specimen.accession"_s) {
                if (acceptTube())
                    focusNextField(widget);
                return true;
            }
            if (!fieldKey.isEmpty())
                fieldLeft(fieldKey);
            focusNextField(widget);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RecordFormWidget::save()
{
    QList<Problem> problems;
    SamplingRecord record = SamplingRecord::fromJson(formJson(), &problems);
    RecordStore::SaveOptions options;
    options.acceptWarnings = m_ui->confirmWarningsCheckBox->isChecked();
    options.identityOverrideReason = m_ui->identityOverrideReasonLineEdit->text().trimmed();
    QString error;
    const bool amending = !m_amending.isNull();
    const bool saved =
        !hasErrors(problems) && m_store.records() &&
        (amending ? m_store.records()->amend(m_amending, &record,
                                             m_ui->amendReasonLineEdit->text().trimmed(), options,
                                             &problems, &error)
                  : m_store.records()->add(&record, options, &problems, &error));
    if (saved) {
        QString draftError;
        if (!DraftStore(m_store).discard(&draftError))
            qWarning("the draft of a saved form could not be removed");
        const QUuid id = record.id;
        startNew();
        setMessage(
            int(Feedback::Tone::Success),
            amending
                ? tr("Correction saved (version %1). Ready for the next tube.").arg(record.version)
                : tr("Saved. Ready for the next tube."));
        Feedback::instance()->cue(Feedback::Cue::Saved);
        Q_EMIT recordSaved(id);
        return;
    }
    for (const FieldWidgets& widgets : std::as_const(m_fields))
        m_visited.insert(widgets.field->key);
    showProblems();
    refreshReview();
    setMessage(int(Feedback::Tone::Error),
               error.isEmpty() ? tr("Not saved: see the list.") : error);
    Feedback::instance()->cue(Feedback::Cue::Refused);
}

void RecordFormWidget::discard()
{
    // The harmless answer is the default: Enter on the question keeps the form.
    if (hasInput() && MessageBox::question(this, tr("Discard this form?"),
                                           tr("Everything typed in this form will be lost."),
                                           MessageBox::Discard | MessageBox::Cancel,
                                           MessageBox::Cancel) != MessageBox::Discard) {
        return;
    }
    QString error;
    if (!DraftStore(m_store).discard(&error))
        setMessage(int(Feedback::Tone::Error), error);
    startNew();
}

void RecordFormWidget::printNewLabel()
{
    TubeLabelPrinter labels(m_store);
    QStringList numbers;
    QString error;
    if (!labels.newLabels(1, &numbers, &error) ||
        !labels.printWithSettings(this, numbers, &error)) {
        if (!error.isEmpty())
            setMessage(int(Feedback::Tone::Error), error);
        return;
    }
    m_labelAwaitingScan = numbers.first();
    m_filling = true;
    qobject_cast<QLineEdit*>(fieldWidget(u"specimen.accession"_s))->setText(numbers.first());
    m_filling = false;
    setMessage(int(Feedback::Tone::Info),
               tr("Label printed. Stick it on the tube and scan it to check it."));
}

bool RecordFormWidget::setTubeLabel(const QString& label)
{
    auto* tube = qobject_cast<QLineEdit*>(fieldWidget(u"specimen.accession"_s));
    if (!m_labelAwaitingScan.isEmpty()) {
        if (label.trimmed() != m_labelAwaitingScan) {
            m_ui->pagesTabWidget->setCurrentIndex(RecordField::TubePage);
            tube->setFocus();
            setMessage(int(Feedback::Tone::Error),
                       tr("The scanned label is not the one just printed: check the tube."));
            Feedback::instance()->cue(Feedback::Cue::Refused);
            return false;
        }
        m_labelAwaitingScan.clear();
        setMessage(int(Feedback::Tone::Success), tr("Printed label checked."));
    } else {
        // A new tube: what was said about the last one is over.
        Feedback::clearMessage(m_ui->messageLabel);
    }
    m_filling = true;
    tube->setText(label.trimmed());
    m_filling = false;
    m_draftTimer.start();
    if (!acceptTube())
        return false;
    focusNextField(tube);
    return true;
}

bool RecordFormWidget::acceptTube()
{
    const QString key = u"specimen.accession"_s;
    m_visited.insert(key);
    showProblems();
    const FieldWidgets& tube = m_fields.at(m_fieldIndex.value(key));
    if (tube.message->isHidden()) {
        tube.input->setStyleSheet(QString());
        stampSamplingTime();
        refreshBanner();
        Feedback::instance()->cue(Feedback::Cue::Accepted);
        return true;
    }
    // Refused where the nurse is looking: the field, in red, with the reason and a sound;
    // the form stays on the tube, its text selected so the next scan replaces it.
    const QColor error = Feedback::foreground(Feedback::Tone::Error);
    tube.input->setStyleSheet(u"QLineEdit { border: 2px solid %1; background: %2; }"_s.arg(
        error.name(), Feedback::background(Feedback::Tone::Error).name()));
    m_ui->pagesTabWidget->setCurrentIndex(RecordField::TubePage);
    tube.input->setFocus();
    qobject_cast<QLineEdit*>(tube.input)->selectAll();
    Feedback::instance()->cue(Feedback::Cue::Refused);
    return false;
}

void RecordFormWidget::stampSamplingTime()
{
    if (m_samplingTimeEdited || !m_amending.isNull())
        return;
    m_filling = true;
    setInputValue(m_fields.at(m_fieldIndex.value(u"specimen.collectedAt"_s)),
                  m_clock().toString(Qt::ISODate));
    m_filling = false;
}

QStringList RecordFormWidget::identityChanges(const QJsonObject& patient) const
{
    const QJsonObject current = formJson().value(u"patient"_s).toObject();
    QStringList changed;
    for (auto it = patient.constBegin(); it != patient.constEnd(); ++it) {
        const QString now = current.value(it.key()).toString();
        if (!now.isEmpty() && now != it.value().toString()) {
            const qsizetype index = m_fieldIndex.value(u"patient."_s + it.key(), -1);
            changed.append(index < 0 ? it.key() : m_fields.at(index).field->translatedLabel());
        }
    }
    return changed;
}

void RecordFormWidget::applyIdentity(const QJsonObject& patient)
{
    QJsonObject json = formJson();
    QJsonObject current = json.value(u"patient"_s).toObject();
    for (auto it = patient.constBegin(); it != patient.constEnd(); ++it)
        current.insert(it.key(), it.value());
    json.insert(u"patient"_s, current);
    setFormJson(json);
    for (auto it = patient.constBegin(); it != patient.constEnd(); ++it)
        m_visited.insert(u"patient."_s + it.key());
    showProblems();
    refreshBanner();
    m_draftTimer.start();
    // The identity is done: on to the first thing the document does not say.
    focusNextField(fieldWidget(u"patient.openingRightsNir"_s));
}

void RecordFormWidget::applyUsualSituation()
{
    m_filling = true;
    setInputValue(m_fields.at(m_fieldIndex.value(u"residence"_s)), QJsonArray{u"individual"_s});
    setInputValue(m_fields.at(m_fieldIndex.value(u"healthProfessional"_s)), false);
    setInputValue(m_fields.at(m_fieldIndex.value(u"symptomOnset"_s)), u"asymptomatic"_s);
    setInputValue(m_fields.at(m_fieldIndex.value(u"symptoms"_s)), QJsonArray());
    m_filling = false;
    for (const QString& key :
         {u"residence"_s, u"healthProfessional"_s, u"symptomOnset"_s, u"symptoms"_s})
        m_visited.insert(key);
    fieldChanged();
    showProblems();
    focusNextField(fieldWidget(u"symptoms"_s));
}

void RecordFormWidget::splitAddressLine()
{
    const FieldWidgets& line = m_fields.at(m_fieldIndex.value(u"contact.address.lines.0"_s));
    const FieldWidgets& postal = m_fields.at(m_fieldIndex.value(u"contact.address.postalCode"_s));
    const FieldWidgets& city = m_fields.at(m_fieldIndex.value(u"contact.address.city"_s));
    if (!isEmptyField(postal) || !isEmptyField(city))
        return;
    // The street, then a French postal code (five digits), then the town.
    static const QRegularExpression whole(u"^\\s*(.*\\S)[\\s,]+(\\d{5})\\s+(\\D.*\\S)\\s*$"_s);
    const QRegularExpressionMatch match = whole.match(inputValue(line).toString());
    if (!match.hasMatch())
        return;
    m_filling = true;
    setInputValue(line, match.captured(1));
    setInputValue(postal, match.captured(2));
    setInputValue(city, match.captured(3));
    m_filling = false;
    m_visited.insert(u"contact.address.postalCode"_s);
    m_visited.insert(u"contact.address.city"_s);
}

bool RecordFormWidget::startAmendment(const QUuid& id, QString* error)
{
    SamplingRecord record;
    if (!m_store.records() || !m_store.records()->load(id, &record, error))
        return false;
    clearAll();
    QJsonObject json = record.toJson();
    json.remove(u"result"_s);
    json.remove(u"activation"_s);
    setFormJson(json);
    m_amending = id;
    m_amendingVersion = record.version;
    m_samplingTimeEdited = true;
    for (const FieldWidgets& widgets : std::as_const(m_fields))
        m_visited.insert(widgets.field->key);
    m_ui->amendReasonLabel->show();
    m_ui->amendReasonLineEdit->show();
    m_ui->saveButton->setText(tr("Sa&ve the correction"));
    showProblems();
    refreshBanner();
    setMessage(int(Feedback::Tone::Warning),
               tr("Correcting the saved record of tube %1 (version %2): change what is wrong, "
                  "then give the reason on the review page. Discard leaves it as it was.")
                   .arg(record.specimen.accession)
                   .arg(record.version));
    m_ui->pagesTabWidget->setCurrentIndex(RecordField::IdentityPage);
    fieldWidget(u"patient.birthName"_s)->setFocus();
    return true;
}
