// The nurse's workstation driven like a person would: widgets found by object name, keys
// typed, Enter to move on. Each test checks what ended up in the store.

#include "BarcodeEncoder.h"
#include "DashboardWidget.h"
#include "DraftStore.h"
#include "Feedback.h"
#include "GuiTestSupport.h"
#include "Identifiers.h"
#include "IdleWatcher.h"
#include "InsDataMatrix.h"
#include "LabelBatchDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "PatientBanner.h"
#include "QueueWidget.h"
#include "RecordFormWidget.h"
#include "RecordStore.h"
#include "ResultEntryWidget.h"
#include "ScannerInput.h"
#include "SetupWizard.h"
#include "Store.h"
#include "SyncPanelWidget.h"
#include "TestSupport.h"
#include "UiLanguage.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;
using namespace GuiTestSupport;

class TestWorkstationGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstStartWizardCreatesTheStore();
    void nurseTypesACompleteRecordFromTheKeyboard();
    void invalidNirIsRefusedWithItsMessage();
    void duplicateTubeLabelIsStoppedAtTheScan();
    void sexIsNumberedAsTheNir();
    void messagesGoAwayOnTheNextAction();
    void bannerShowsTheIdentityAndTheReviewReadsItBack();
    void samplingTimeIsStampedAtTheTubeScan();
    void everyStateHasASoundOfItsOwn();
    void idleLockHidesTheDataAndKeepsTheForm();
    void draftIsOfferedBackAfterTheWindowIsDestroyed();
    void roleDecidesWhatTheUserSees();
    void scannedTubeAndInsDocumentTakeEightActionsOrFewer();
    void typedIdentityTakesTwelveActionsOrFewer();
    void scannedIdentityAsksBeforeOverwriting();
    void printedLabelMustBeScannedBackBeforeSaving();
    void labelBatchDialogShowsItsWholeTitle();
    void everyInputIsNamedInReadingOrderAndFitsSmallScreens();
    void signInIsCentredAndItsMessagesAreReadInFull();
    void savedRecordIsCorrectedAndReprintedFromTheQueue();
    void administratorManagesAccountsAndRoles();

private:
    template <typename T>
    static T* find(QWidget* root, const QString& name)
    {
        return findNamed<T>(root, name);
    }
    // Types the value of the focused field and presses Enter, after checking that the
    // keyboard path has brought the focus to the field named `objectName`.
    static void fill(const QString& objectName, const QString& text);
    static void fillIdentityAndTube(RecordFormWidget* form, int index);
};

void TestWorkstationGui::fill(const QString& objectName, const QString& text)
{
    QWidget* focused = QApplication::focusWidget();
    QVERIFY2(focused, "nothing has the focus");
    QCOMPARE(focused->objectName(), objectName);
    if (!text.isEmpty())
        QTest::keyClicks(focused, text);
    releaseHeldKeys();
    pressKey(focused, Qt::Key_Return);
}

void TestWorkstationGui::initTestCase()
{
    // Settings (QSettings) go to a test location, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"sidep-tests"_s);
    // The English screens, as a workstation set to English shows them (dates as written in
    // the UI language, not the machine's C locale); no sounds.
    UiLanguage::apply(u"en"_s);
    QSettings().setValue(u"feedback/sound"_s, false);
}

void TestWorkstationGui::firstStartWizardCreatesTheStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.db"_s);
    Workstation station(path);
    Store& store = station.store;
    MainWindow& window = station.window;
    SetupWizard* wizard = station.shownSetupWizard();
    QVERIFY(wizard);

    // A standalone station unless told to join a site database.
    QCOMPARE(wizard->currentPage()->objectName(), u"deploymentPage"_s);
    QVERIFY(find<QRadioButton>(wizard, u"standaloneRadioButton"_s)->isChecked());
    QVERIFY(!find<QLineEdit>(wizard, u"siteDatabaseLineEdit"_s)->isEnabled());
    wizard->next();
    QCOMPARE(wizard->currentPage()->objectName(), u"sitePage"_s);

    // A wrong FINESS keeps the wizard on its first page, with the reason.
    typeInto(find<QLineEdit>(wizard, u"siteFinessLineEdit"_s), u"750712185"_s);
    wizard->next();
    QVERIFY(find<QLabel>(wizard, u"siteMessageLabel"_s)->text().contains(u"FINESS"_s));
    find<QLineEdit>(wizard, u"siteFinessLineEdit"_s)->clear();
    typeInto(find<QLineEdit>(wizard, u"siteFinessLineEdit"_s), u"75 071 218 4"_s);
    typeInto(find<QLineEdit>(wizard, u"siteNameLineEdit"_s), u"CHU test site"_s);
    wizard->next();
    QCOMPARE(wizard->currentPage()->objectName(), u"adminPage"_s);

    typeInto(find<QLineEdit>(wizard, u"adminPasswordLineEdit"_s), u"short"_s);
    typeInto(find<QLineEdit>(wizard, u"adminPasswordConfirmLineEdit"_s), u"short"_s);
    wizard->next();
    QCOMPARE(wizard->currentPage()->objectName(), u"adminPage"_s);
    QVERIFY(find<QLabel>(wizard, u"adminMessageLabel"_s)->text().contains(u"12"_s));
    find<QLineEdit>(wizard, u"adminPasswordLineEdit"_s)->clear();
    find<QLineEdit>(wizard, u"adminPasswordConfirmLineEdit"_s)->clear();
    typeInto(find<QLineEdit>(wizard, u"adminPasswordLineEdit"_s), Password);
    typeInto(find<QLineEdit>(wizard, u"adminPasswordConfirmLineEdit"_s), Password);
    wizard->next();
    QCOMPARE(wizard->currentPage()->objectName(), u"recoveryPage"_s);

    // The recovery key is shown once and must be confirmed before finishing.
    const QString recoveryKey = find<QLabel>(wizard, u"recoveryKeyLabel"_s)->text();
    QCOMPARE(recoveryKey.size(), 39); // 32 base32 characters in groups of four
    wizard->button(QWizard::FinishButton)->click();
    QVERIFY(wizard->isVisible());
    find<QCheckBox>(wizard, u"recoveryKeptCheckBox"_s)->setChecked(true);
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!window.setupWizard());

    // The store exists with the site, the administrator and the recovery key.
    QCOMPARE(store.siteFiness(), u"750712184"_s);
    QCOMPARE(store.setting(u"site.name"_s), u"CHU test site"_s);
    QVERIFY(!store.isSignedIn());
    Store other;
    QString error;
    QVERIFY(other.open(path, &error));
    QVERIFY2(other.signInWithRecoveryKey(recoveryKey, &error), qPrintable(error));
    signIn(window, u"admin"_s);
    QTRY_VERIFY(store.isSignedIn());
    QVERIFY(find<QWidget>(&window, u"adminWidget"_s)->isVisible());
}

void TestWorkstationGui::nurseTypesACompleteRecordFromTheKeyboard()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    Store& store = station.store;
    MainWindow& window = station.window;
    RecordFormWidget* form = window.recordForm();
    QTRY_VERIFY(form->isVisible());
    QApplication::setActiveWindow(&window);

    // Enter goes from one required or asked-for field to the next; numbered answers
    // choose with one key and move on. Optional fields are a Tab away.
    const QStringList strings = identifyingStrings(77);
    fill(u"specimenAccessionLineEdit"_s, u"CHU75-2020-GUI001"_s);
    fill(u"patientBirthNameLineEdit"_s, strings[0]);
    fill(u"patientFirstNamesLineEdit"_s, strings[1]);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"patientSexComboBox"_s);
    pressKey(QApplication::focusWidget(), Qt::Key_2); // 2 Female, as in the NIR
    fill(u"patientBirthDateLineEdit"_s, u"21/10/1995"_s);
    fill(u"patientInsLineEdit"_s, strings[4]);
    fill(u"contactAddressLines0LineEdit"_s, u"12 rue des Lilas"_s);
    fill(u"contactAddressPostalCodeLineEdit"_s, u"75012"_s);
    fill(u"contactAddressCityLineEdit"_s, u"Paris"_s);
    fill(u"contactEmailLineEdit"_s, strings[2] + u"@example.org"_s);
    fill(u"contactMobilePhoneLineEdit"_s, u"06 12 34 56 78"_s);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"residenceListWidget"_s);
    pressKey(QApplication::focusWidget(), Qt::Key_1); // ticks 1 Individual housing
    fill(u"residenceListWidget"_s, {});
    QCOMPARE(QApplication::focusWidget()->objectName(), u"healthProfessionalComboBox"_s);
    pressKey(QApplication::focusWidget(), Qt::Key_2); // 2 No
    QCOMPARE(QApplication::focusWidget()->objectName(), u"symptomOnsetComboBox"_s);
    pressKey(QApplication::focusWidget(), Qt::Key_3); // 3 Two to four days ago
    QCOMPARE(QApplication::focusWidget()->objectName(), u"symptomsListWidget"_s);
    pressKey(QApplication::focusWidget(), Qt::Key_1); // ticks 1 Fever
    fill(u"symptomsListWidget"_s, {});
    // Sampling time and laboratory are filled by default: straight to the review.
    // The review page: nothing to fix, nothing missing; Enter landed on Save.
    auto* save = find<QPushButton>(form, u"saveButton"_s);
    QTRY_COMPARE(QApplication::focusWidget(), save);
    QVERIFY(save->isEnabled());
    pressKey(save, Qt::Key_Return);

    // In the store, decrypted: what was typed, in canonical form.
    QString error;
    QUuid id;
    QVERIFY2(store.records()->findByTube(u"CHU75-2020-GUI001"_s, &id, &error), qPrintable(error));
    SamplingRecord record;
    QVERIFY(store.records()->load(id, &record, &error));
    QCOMPARE(record.patient.birthName, strings[0]);
    QCOMPARE(record.patient.birthDate, u"1995-10-21"_s);
    QCOMPARE(record.patient.ins, strings[4]);
    QCOMPARE(record.contact.mobilePhone, u"+33612345678"_s);
    QCOMPARE(record.residence, QStringList{u"individual"_s});
    QCOMPARE(record.healthProfessional, std::optional<bool>(false));
    QCOMPARE(record.symptomOnset, u"recent"_s);
    QCOMPARE(record.symptoms, QStringList{u"fever"_s});
    QCOMPARE(record.specimen.finess, SiteFiness);
    QCOMPARE(record.patient.insOid, u"1.2.250.1.213.1.4.8"_s); // defaulted for a typed NIR
    QCOMPARE(record.contact.emailOwner, u"patient"_s);
    // Ready for the next tube, and the queue shows the new record.
    QCOMPARE(qobject_cast<QLineEdit*>(form->fieldWidget(u"specimen.accession"_s))->text(),
             QString());
    QCOMPARE(store.records()->count({}, &error), 1);
}

void TestWorkstationGui::fillIdentityAndTube(RecordFormWidget* form, int index)
{
    QJsonObject json = validRecordJson(index);
    QJsonObject specimen = json.value(u"specimen"_s).toObject();
    specimen.remove(u"collectedAt"_s); // the form's own default
    json.insert(u"specimen"_s, specimen);
    form->setFormJson(json);
}

void TestWorkstationGui::invalidNirIsRefusedWithItsMessage()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    Store& store = station.store;
    MainWindow& window = station.window;
    RecordFormWidget* form = window.recordForm();
    fillIdentityAndTube(form, 5);
    auto* nir = qobject_cast<QLineEdit*>(form->fieldWidget(u"patient.ins"_s));
    nir->clear();
    typeInto(nir, u"2 95 10 99 126 111 99"_s);
    pressKey(nir, Qt::Key_Return);
    // Checked when left, the message beside the field: read the number again, never the key
    // that would pass (93 here), which a person would type.
    QTRY_VERIFY(form->fieldMessage(u"patient.ins"_s).contains(u"read the whole number again"_s));
    QVERIFY(!form->fieldMessage(u"patient.ins"_s).contains(u"93"_s));
    QVERIFY(!find<QLabel>(form, u"patientInsMessageLabel"_s)->isHidden());

    auto* pages = find<QTabWidget>(form, u"pagesTabWidget"_s);
    pages->setCurrentIndex(pages->count() - 1);
    QVERIFY(!find<QPushButton>(form, u"saveButton"_s)->isEnabled());
    auto* problems = find<QListWidget>(form, u"problemsListWidget"_s);
    QVERIFY(problems->count() >= 1);
    QVERIFY(problems->item(0)->text().contains(u"read the whole number again"_s));
    QVERIFY(!problems->item(0)->text().contains(u"93"_s));
    QString error;
    QCOMPARE(store.records()->count({}, &error), 0);

    // The NIR's sex disagrees with the sex chosen: refused too, until a reason is given.
    nir->setText(validRecord(5).patient.ins);
    auto* sex = qobject_cast<QComboBox*>(form->fieldWidget(u"patient.sex"_s));
    sex->setCurrentIndex(sex->findData(u"M"_s));
    pages->setCurrentIndex(0);
    pages->setCurrentIndex(pages->count() - 1);
    QVERIFY(!find<QPushButton>(form, u"saveButton"_s)->isEnabled());
    QVERIFY(find<QLineEdit>(form, u"identityOverrideReasonLineEdit"_s)->isVisible());
}

void TestWorkstationGui::duplicateTubeLabelIsStoppedAtTheScan()
{
    StoreFixture fixture;
    {
        auto nurse = fixture.openAs(NurseName);
        SamplingRecord record = validRecord(1);
        QList<Problem> problems;
        QString error;
        QVERIFY(nurse->records()->add(&record, {}, &problems, &error));
    }
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    Store& store = station.store;
    MainWindow& window = station.window;
    QApplication::setActiveWindow(&window);
    RecordFormWidget* form = window.recordForm();
    auto* tube = qobject_cast<QLineEdit*>(form->fieldWidget(u"specimen.accession"_s));
    auto* pages = find<QTabWidget>(form, u"pagesTabWidget"_s);
    QSignalSpy cues(Feedback::instance(), &Feedback::cued);

    // A scanner reads a label already used at this site: stopped there, loudly.
    tube->setFocus();
    wedgeScan(window, validRecord(1).specimen.accession);
    QTRY_VERIFY(form->fieldMessage(u"specimen.accession"_s).contains(u"already used"_s));
    QVERIFY(find<QLabel>(form, u"specimenAccessionMessageLabel"_s)->isVisible());
    QVERIFY2(tube->styleSheet().contains(Feedback::foreground(Feedback::Tone::Error).name()),
             qPrintable(tube->styleSheet()));
    QVERIFY(!cues.isEmpty());
    QCOMPARE(cues.last().at(0).value<Feedback::Cue>(), Feedback::Cue::Refused);
    // The form stays on the tube; the status bar does not say the label was read.
    QCOMPARE(pages->currentIndex(), int(RecordField::TubePage));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(tube));
    const QString status = window.statusBar()->currentMessage();
    QVERIFY2(status.contains(u"refused"_s) && !status.contains(u"read."_s), qPrintable(status));

    // Typed by hand and Enter: the same.
    tube->clear();
    typeInto(tube, validRecord(1).specimen.accession);
    pressKey(tube, Qt::Key_Return);
    QCOMPARE(pages->currentIndex(), int(RecordField::TubePage));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(tube));

    // The next tube's scan replaces the refused label and the form moves on, in green.
    wedgeScan(window, u"CHU75-2020-NEW001"_s);
    QTRY_COMPARE(tube->text(), u"CHU75-2020-NEW001"_s);
    QVERIFY(form->fieldMessage(u"specimen.accession"_s).isEmpty());
    QCOMPARE(cues.last().at(0).value<Feedback::Cue>(), Feedback::Cue::Accepted);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"patientBirthNameLineEdit"_s);

    // Everything else right with a used label: still not saved.
    fillIdentityAndTube(form, 1);
    pages->setCurrentIndex(pages->count() - 1);
    QVERIFY(!find<QPushButton>(form, u"saveButton"_s)->isEnabled());
    QString error;
    QCOMPARE(store.records()->count({}, &error), 1);
}

void TestWorkstationGui::sexIsNumberedAsTheNir()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    RecordFormWidget* form = station.window.recordForm();
    auto* sex = qobject_cast<QComboBox*>(form->fieldWidget(u"patient.sex"_s));
    // 1 = male and 2 = female, as the first digit of the NIR.
    sex->setFocus();
    pressKey(sex, Qt::Key_1);
    QCOMPARE(form->formJson().value(u"patient"_s).toObject().value(u"sex"_s).toString(), u"M"_s);
    QVERIFY(sex->currentText().startsWith(u"1"_s));
    sex->setFocus();
    pressKey(sex, Qt::Key_2);
    QCOMPARE(form->formJson().value(u"patient"_s).toObject().value(u"sex"_s).toString(), u"F"_s);
    QVERIFY(sex->currentText().startsWith(u"2"_s));
}

void TestWorkstationGui::messagesGoAwayOnTheNextAction()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    MainWindow& window = station.window;
    QApplication::setActiveWindow(&window);
    RecordFormWidget* form = window.recordForm();
    fillIdentityAndTube(form, 41);
    auto* pages = find<QTabWidget>(form, u"pagesTabWidget"_s);
    pages->setCurrentIndex(pages->count() - 1);
    QSignalSpy cues(Feedback::instance(), &Feedback::cued);
    find<QPushButton>(form, u"saveButton"_s)->click();
    QVERIFY2(form->message().contains(u"Saved"_s), qPrintable(form->message()));
    QCOMPARE(cues.size(), 1);
    QCOMPARE(cues.first().at(0).value<Feedback::Cue>(), Feedback::Cue::Saved);
    auto* message = find<QLabel>(form, u"messageLabel"_s);
    QCOMPARE(message->property("tone").value<Feedback::Tone>(), Feedback::Tone::Success);

    // The next patient's tube: the message about the last one goes.
    wedgeScan(window, u"CHU75-2020-NEXT01"_s);
    QTRY_COMPARE(qobject_cast<QLineEdit*>(form->fieldWidget(u"specimen.accession"_s))->text(),
                 u"CHU75-2020-NEXT01"_s);
    QVERIFY2(!form->message().contains(u"Saved"_s), qPrintable(form->message()));
    QVERIFY(message->isHidden());
    // Typing also ends a message.
    form->saveDraftNow();
    QVERIFY(form->restoreDraft()); // says "restored"
    QVERIFY(!form->message().isEmpty());
    typeInto(form->fieldWidget(u"patient.birthName"_s), u"X"_s);
    QVERIFY(form->message().isEmpty());
}

void TestWorkstationGui::bannerShowsTheIdentityAndTheReviewReadsItBack()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    MainWindow& window = station.window;
    RecordFormWidget* form = window.recordForm();
    const QDateTime now(QDate(2021, 3, 15), QTime(10, 42));
    form->setClock([now] { return now; });
    form->startNew();
    auto* banner = find<PatientBanner>(form, u"patientBanner"_s);
    QVERIFY(banner->isHidden()); // nothing known yet

    wedgeScan(window, u"CHU75-2020-BANNER"_s);
    const SamplingRecord expected = validRecord(12);
    QJsonObject json = form->formJson();
    json.insert(u"patient"_s, validRecordJson(12).value(u"patient"_s));
    json.insert(u"contact"_s, validRecordJson(12).value(u"contact"_s));
    form->setFormJson(json);
    typeInto(form->fieldWidget(u"patient.birthPlace"_s), QString());
    pressKey(form->fieldWidget(u"patient.birthPlace"_s), Qt::Key_Tab);
    QTRY_VERIFY(banner->isVisible());
    const QString text = banner->text();
    for (const QString& expectedText :
         {expected.patient.birthName.toUpper(), expected.patient.firstNames, u"female"_s,
          u"21/10/1995"_s, u"25 years"_s, Identifiers::formatNir(expected.patient.ins),
          u"15/03/2021 10:42"_s}) {
        QVERIFY2(text.contains(expectedText), qPrintable(expectedText + u" not in "_s + text));
    }

    // The review: the same card, to read back, beside the list of what is missing.
    auto* pages = find<QTabWidget>(form, u"pagesTabWidget"_s);
    pages->setCurrentIndex(RecordField::ReviewPage);
    auto* review = find<PatientBanner>(form, u"reviewBanner"_s);
    QVERIFY(review->isVisible());
    QVERIFY(banner->isHidden()); // not twice on screen
    QCOMPARE(review->text(), text);
    const QString readBack = find<QLabel>(form, u"readBackLabel"_s)->text();
    QVERIFY2(readBack.contains(expected.contact.email), qPrintable(readBack));
    QVERIFY2(readBack.contains(u"CHU75-2020-BANNER"_s), qPrintable(readBack));
    QVERIFY(find<QListWidget>(form, u"problemsListWidget"_s)->isVisible());
}

void TestWorkstationGui::samplingTimeIsStampedAtTheTubeScan()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    MainWindow& window = station.window;
    QApplication::setActiveWindow(&window);
    RecordFormWidget* form = window.recordForm();
    QDateTime now(QDate(2021, 3, 15), QTime(9, 0));
    form->setClock([&now] { return now; });
    form->startNew(); // the form opens at 9:00 ...
    now = now.addSecs(47 * 60);
    wedgeScan(window, u"CHU75-2020-STAMP1"_s); // ... the tube is scanned at 9:47
    auto* time = qobject_cast<QDateTimeEdit*>(form->fieldWidget(u"specimen.collectedAt"_s));
    QTRY_COMPARE(time->dateTime(), now);
    QCOMPARE(form->formJson().value(u"specimen"_s).toObject().value(u"collectedAt"_s).toString(),
             now.toOffsetFromUtc(now.offsetFromUtc()).toString(Qt::ISODate));
    // Editable: a time the nurse sets is hers, a later scan does not move it.
    const QDateTime set = now.addSecs(-5 * 60);
    time->setDateTime(set);
    now = now.addSecs(10 * 60);
    wedgeScan(window, u"CHU75-2020-STAMP2"_s);
    QTRY_COMPARE(qobject_cast<QLineEdit*>(form->fieldWidget(u"specimen.accession"_s))->text(),
                 u"CHU75-2020-STAMP2"_s);
    QCOMPARE(time->dateTime(), set);
}

void TestWorkstationGui::everyStateHasASoundOfItsOwn()
{
    QSet<QByteArray> sounds;
    for (const auto cue : {Feedback::Cue::Accepted, Feedback::Cue::Refused, Feedback::Cue::Saved,
                           Feedback::Cue::Positive, Feedback::Cue::Offline}) {
        const QByteArray pcm = Feedback::tone(cue);
        QVERIFY(!pcm.isEmpty());
        // Short: a cue, not a tune (16-bit samples).
        QVERIFY(pcm.size() / 2 < Feedback::SampleRate);
        sounds.insert(pcm);
    }
    QCOMPARE(sounds.size(), 5);
    // The refusal is the longest: it is the one that must be heard.
    QVERIFY(Feedback::tone(Feedback::Cue::Refused).size() >
            Feedback::tone(Feedback::Cue::Accepted).size());
}

void TestWorkstationGui::idleLockHidesTheDataAndKeepsTheForm()
{
    StoreFixture fixture;
    {
        auto admin = fixture.openAs(AdminName);
        QString error;
        QVERIFY(admin->setSetting(u"session.lockMinutes"_s, u"1"_s, &error));
    }
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    Store& store = station.store;
    MainWindow& window = station.window;
    RecordFormWidget* form = window.recordForm();
    fillIdentityAndTube(form, 9);
    const QString name = identifyingStrings(9)[0];

    // Nobody touches the workstation: it locks itself (the minute shortened for the test).
    auto* idle = window.findChild<IdleWatcher*>();
    QVERIFY(idle);
    QCOMPARE(idle->timeout(), 60 * 1000);
    idle->setTimeout(300);
    QTRY_VERIFY(window.isLocked());
    QVERIFY(!store.isSignedIn()); // keys wiped
    // No widget anywhere in the window still holds the name.
    for (QLineEdit* edit : window.findChildren<QLineEdit*>())
        QVERIFY2(!edit->text().contains(name), qPrintable(edit->objectName()));
    for (QLabel* label : window.findChildren<QLabel*>())
        QVERIFY2(!label->text().contains(name), qPrintable(label->objectName()));
    QVERIFY(find<QWidget>(&window, u"signInWidget"_s)->isVisible());
    QVERIFY(find<QLineEdit>(&window, u"userNameLineEdit"_s)->isReadOnly());

    // Another user cannot take over the locked session.
    auto* password = find<QLineEdit>(&window, u"passwordLineEdit"_s);
    typeInto(password, u"wrong password!!"_s);
    pressKey(password, Qt::Key_Return);
    QVERIFY(!store.isSignedIn());

    // The same user's password brings the form back as it was.
    signIn(window, NurseName);
    QTRY_VERIFY(store.isSignedIn());
    QCOMPARE(qobject_cast<QLineEdit*>(form->fieldWidget(u"patient.birthName"_s))->text(), name);
    // The refused attempt is shown to the account's owner, and is in the audit log.
    const QString status = window.statusBar()->currentMessage();
    QVERIFY2(status.contains(u"1 refused sign-in"_s), qPrintable(status));
    QCOMPARE(store.auditLog()->entries().last().action, u"auth.signin"_s);
    QCOMPARE(store.auditLog()->entries().value(store.auditLog()->entries().size() - 2).action,
             u"auth.refused"_s);
}

void TestWorkstationGui::draftIsOfferedBackAfterTheWindowIsDestroyed()
{
    StoreFixture fixture;
    const QString name = identifyingStrings(11)[0];
    {
        Store store;
        auto window = std::make_unique<MainWindow>(store, fixture.path());
        typeLikeAPerson(*window);
        window->show();
        window->start();
        signIn(*window, NurseName);
        QTRY_VERIFY(store.isSignedIn());
        RecordFormWidget* form = window->recordForm();
        auto* birthName = qobject_cast<QLineEdit*>(form->fieldWidget(u"patient.birthName"_s));
        typeInto(birthName, name);
        // The draft is written shortly after typing stops, without any action.
        const auto draftHoldsName = [&store, &name] {
            QJsonObject draft;
            return DraftStore(store).load(&draft) &&
                   QJsonDocument(draft).toJson().contains(name.toUtf8());
        };
        QTRY_VERIFY(draftHoldsName());
        // Destroyed mid-form, as a crash would, without closing or signing out.
        window.reset();
    }
    Store store;
    MainWindow window(store, fixture.path());
    typeLikeAPerson(window);
    window.show();
    window.start();
    MessageBox::setNextAnswer(MessageBox::Ok);
    signIn(window, NurseName);
    QTRY_VERIFY(store.isSignedIn());
    RecordFormWidget* form = window.recordForm();
    QCOMPARE(qobject_cast<QLineEdit*>(form->fieldWidget(u"patient.birthName"_s))->text(), name);
}

void TestWorkstationGui::roleDecidesWhatTheUserSees()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(LabName));
    Store& store = station.store;
    MainWindow& window = station.window;
    auto* workspace = find<QTabWidget>(&window, u"workspaceTabWidget"_s);
    // Results, queue, sync and the site figures; no sampling form, no accounts.
    QCOMPARE(workspace->count(), 4);
    QCOMPARE(workspace->widget(0), static_cast<QWidget*>(window.resultEntry()));
    QCOMPARE(workspace->widget(1), static_cast<QWidget*>(window.queue()));
    QCOMPARE(workspace->widget(2), static_cast<QWidget*>(window.syncPanel()));
    QCOMPARE(workspace->widget(3), static_cast<QWidget*>(window.dashboard()));
    QVERIFY(workspace->indexOf(window.recordForm()) < 0);
    QVERIFY(window.recordForm()->isHidden());
    window.lock();
    signIn(window, LabName);
    QTRY_VERIFY(store.isSignedIn());
}

namespace {

// The INS DataMatrix of a patient's document, as a PNG file like a scan of the document.
QString insDocumentImage(const QTemporaryDir& dir, int index)
{
    const SamplingRecord record = validRecord(index);
    InsIdentity identity;
    identity.matricule = record.patient.ins;
    identity.oid = record.patient.insOid;
    identity.givenNames = record.patient.firstNames.toUpper();
    identity.familyName = record.patient.birthName.toUpper();
    identity.sex = record.patient.sex;
    identity.birthDate = QDate::fromString(record.patient.birthDate, Qt::ISODate);
    identity.birthPlace = record.patient.birthPlace;
    QImage code = BarcodeEncoder::encode(InsDataMatrix::toPayload(identity),
                                         BarcodeEncoder::Symbology::DataMatrix, 6);
    // On a white page, as a scanner would deliver it.
    QImage page(1200, 900, QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter(&page).drawImage(400, 250, code);
    const QString path = dir.filePath(u"ins-document-%1.png"_s.arg(index));
    page.save(path);
    return path;
}

} // namespace

// Counts what a nurse does from the tube scan to the saved record: scans and keys other
// than free text (the Enter that ends a typed field counts). Printed, and held to targets.
class ActionCounter
{
public:
    void press(int key)
    {
        pressKey(QApplication::focusWidget(), Qt::Key(key));
        ++m_actions;
    }
    void scan(MainWindow& window, const QString& text)
    {
        wedgeScan(window, text);
        ++m_actions;
    }
    void scanImage(MainWindow& window, const QString& path)
    {
        window.scanImageFile(path);
        ++m_actions;
    }
    // Free text into the focused field, which must be `objectName`: not counted.
    static bool type(const QString& objectName, const QString& text)
    {
        QWidget* focused = QApplication::focusWidget();
        if (!focused || focused->objectName() != objectName) {
            qWarning("focus on %s, expected %s", focused ? qPrintable(focused->objectName()) : "-",
                     qPrintable(objectName));
            return false;
        }
        typeInto(focused, text);
        return true;
    }
    int actions() const { return m_actions; }

private:
    int m_actions = 0;
};

void TestWorkstationGui::scannedTubeAndInsDocumentTakeEightActionsOrFewer()
{
    StoreFixture fixture;
    QTemporaryDir dir;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    Store& store = station.store;
    MainWindow& window = station.window;
    QApplication::setActiveWindow(&window);
    ActionCounter count;

    count.scan(window, u"CHU75-2020-SCAN01"_s);         // the tube's label
    count.scanImage(window, insDocumentImage(dir, 31)); // the document's INS DataMatrix
    const SamplingRecord expected = validRecord(31);
    // What the document does not say: the address on one line, e-mail, mobile phone.
    QVERIFY(count.type(u"contactAddressLines0LineEdit"_s, u"12 rue des Lilas 75012 Paris"_s));
    count.press(Qt::Key_Return);
    QVERIFY(count.type(u"contactEmailLineEdit"_s, identifyingStrings(31)[2] + u"@example.org"_s));
    count.press(Qt::Key_Return);
    QVERIFY(count.type(u"contactMobilePhoneLineEdit"_s, u"0612345678"_s));
    count.press(Qt::Key_Return);
    // The situation: 0 gives the usual answers (individual housing, not a health
    // professional, no symptoms).
    QCOMPARE(QApplication::focusWidget()->objectName(), u"residenceListWidget"_s);
    count.press(Qt::Key_0);
    // The review, read back to the patient; Enter saves.
    QCOMPARE(QApplication::focusWidget()->objectName(), u"saveButton"_s);
    count.press(Qt::Key_Return);

    QString error;
    QUuid id;
    QVERIFY2(store.records()->findByTube(u"CHU75-2020-SCAN01"_s, &id, &error), qPrintable(error));
    SamplingRecord record;
    QVERIFY(store.records()->load(id, &record, &error));
    QCOMPARE(record.patient.identityStatus, u"qualified"_s);
    QCOMPARE(record.patient.ins, expected.patient.ins);
    QCOMPARE(record.patient.birthName, expected.patient.birthName.toUpper());
    QCOMPARE(record.patient.birthDate, expected.patient.birthDate);
    QCOMPARE(record.contact.address.lines, QStringList{u"12 rue des Lilas"_s});
    QCOMPARE(record.contact.address.postalCode, u"75012"_s);
    QCOMPARE(record.contact.address.city, u"Paris"_s);
    QCOMPARE(record.residence, QStringList{u"individual"_s});
    QCOMPARE(record.healthProfessional, std::optional<bool>(false));
    QCOMPARE(record.symptomOnset, u"asymptomatic"_s);
    qInfo("Actions from the tube scan to the saved record, INS document: %d (target 8 or fewer; "
          "12 before)",
          count.actions());
    QVERIFY(count.actions() <= 8);
}

void TestWorkstationGui::typedIdentityTakesTwelveActionsOrFewer()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    Store& store = station.store;
    MainWindow& window = station.window;
    QApplication::setActiveWindow(&window);
    const QStringList strings = identifyingStrings(32);
    ActionCounter count;

    count.scan(window, u"CHU75-2020-SCAN02"_s);
    QVERIFY(count.type(u"patientBirthNameLineEdit"_s, strings[0]));
    count.press(Qt::Key_Return);
    QVERIFY(count.type(u"patientFirstNamesLineEdit"_s, strings[1]));
    count.press(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"patientSexComboBox"_s);
    count.press(Qt::Key_2); // female
    QVERIFY(count.type(u"patientBirthDateLineEdit"_s, u"21/10/1995"_s));
    count.press(Qt::Key_Return);
    QVERIFY(count.type(u"patientInsLineEdit"_s, strings[4]));
    count.press(Qt::Key_Return);
    QVERIFY(count.type(u"contactAddressLines0LineEdit"_s, u"12 rue des Lilas, 75012 Paris"_s));
    count.press(Qt::Key_Return);
    QVERIFY(count.type(u"contactEmailLineEdit"_s, strings[2] + u"@example.org"_s));
    count.press(Qt::Key_Return);
    QVERIFY(count.type(u"contactMobilePhoneLineEdit"_s, u"06 12 34 56 78"_s));
    count.press(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"residenceListWidget"_s);
    count.press(Qt::Key_0);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"saveButton"_s);
    count.press(Qt::Key_Return);

    QString error;
    QUuid id;
    QVERIFY2(store.records()->findByTube(u"CHU75-2020-SCAN02"_s, &id, &error), qPrintable(error));
    SamplingRecord record;
    QVERIFY(store.records()->load(id, &record, &error));
    QCOMPARE(record.patient.birthName, strings[0]);
    QCOMPARE(record.patient.sex, u"F"_s);
    QCOMPARE(record.contact.address.city, u"Paris"_s);
    qInfo("Actions from the tube scan to the saved record, identity typed: %d besides the typed "
          "text (target 12 or fewer; 16 before)",
          count.actions());
    QVERIFY(count.actions() <= 12);
}

void TestWorkstationGui::scannedIdentityAsksBeforeOverwriting()
{
    StoreFixture fixture;
    QTemporaryDir dir;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    MainWindow& window = station.window;
    RecordFormWidget* form = window.recordForm();
    auto* birthName = qobject_cast<QLineEdit*>(form->fieldWidget(u"patient.birthName"_s));
    birthName->setText(u"Dupont"_s);

    MessageBox::setNextAnswer(MessageBox::No);
    window.scanImageFile(insDocumentImage(dir, 4));
    QCOMPARE(birthName->text(), u"Dupont"_s); // refused: nothing overwritten
    MessageBox::setNextAnswer(MessageBox::Yes);
    window.scanImageFile(insDocumentImage(dir, 4));
    QCOMPARE(birthName->text(), validRecord(4).patient.birthName.toUpper());

    // A damaged INS code is refused with its reason, and changes nothing.
    birthName->setText(u"Durand"_s);
    InsIdentity damaged;
    damaged.matricule = u"295109912611199"_s; // wrong key
    damaged.oid = u"1.2.250.1.213.1.4.8"_s;
    damaged.givenNames = u"ADA"_s;
    damaged.familyName = u"LOVELACE"_s;
    damaged.sex = u"F"_s;
    damaged.birthDate = QDate(1995, 10, 21);
    window.routeScan(InsDataMatrix::toPayload(damaged));
    QCOMPARE(birthName->text(), u"Durand"_s);
    QVERIFY(window.statusBar()->currentMessage().contains(u"INS"_s));
}

void TestWorkstationGui::printedLabelMustBeScannedBackBeforeSaving()
{
    StoreFixture fixture;
    QTemporaryDir printed;
    QSettings().setValue(u"labels/pdfFolder"_s, printed.path());
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    Store& store = station.store;
    MainWindow& window = station.window;
    RecordFormWidget* form = window.recordForm();

    find<QPushButton>(form, u"printLabelButton"_s)->click();
    const QString label = form->labelAwaitingScan();
    QVERIFY(!label.isEmpty());
    QVERIFY(QFile::exists(printed.filePath(u"label-"_s + label + u".pdf"_s)));
    QCOMPARE(qobject_cast<QLineEdit*>(form->fieldWidget(u"specimen.accession"_s))->text(), label);

    // Everything else filled: still not saved until the label is scanned back.
    QJsonObject json = validRecordJson(21);
    QJsonObject specimen = json.value(u"specimen"_s).toObject();
    specimen.insert(u"accession"_s, label);
    specimen.remove(u"collectedAt"_s);
    json.insert(u"specimen"_s, specimen);
    form->setFormJson(json);
    auto* pages = find<QTabWidget>(form, u"pagesTabWidget"_s);
    pages->setCurrentIndex(pages->count() - 1);
    QVERIFY(!find<QPushButton>(form, u"saveButton"_s)->isEnabled());

    // Another tube's label read back: refused, the printed one still expected.
    window.routeScan(u"CHU75-2020-999999"_s);
    QCOMPARE(form->labelAwaitingScan(), label);
    QCOMPARE(qobject_cast<QLineEdit*>(form->fieldWidget(u"specimen.accession"_s))->text(), label);
    // The right label: checked, and the record saves.
    window.routeScan(label);
    QVERIFY(form->labelAwaitingScan().isEmpty());
    pages->setCurrentIndex(0);
    pages->setCurrentIndex(pages->count() - 1);
    auto* save = find<QPushButton>(form, u"saveButton"_s);
    QVERIFY(save->isEnabled());
    save->click();
    QString error;
    QUuid id;
    QVERIFY2(store.records()->findByTube(label, &id, &error), qPrintable(error));
    QSettings().remove(u"labels/pdfFolder"_s);
}

void TestWorkstationGui::labelBatchDialogShowsItsWholeTitle()
{
    StoreFixture fixture;
    QTemporaryDir printed;
    QSettings().setValue(u"labels/pdfFolder"_s, printed.path());
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    MainWindow& window = station.window;
    window.findChild<QAction*>(u"printLabelBatchAction"_s)->trigger();
    auto* dialog = window.findChild<LabelBatchDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // Room for the whole title in the title bar, beside the window's buttons.
    const int title = QFontMetrics(QApplication::font("QMdiSubWindowTitleBar"))
                          .horizontalAdvance(dialog->windowTitle());
    QVERIFY2(dialog->width() >= title + 120,
             qPrintable(u"%1 for a title of %2"_s.arg(dialog->width()).arg(title)));
    auto* count = dialog->findChild<QSpinBox*>(u"countSpinBox"_s);
    count->setValue(3);
    dialog->accept();
    QTRY_VERIFY(!QDir(printed.path()).entryList({u"labels-*.pdf"_s}).isEmpty());
    QVERIFY(window.statusBar()->currentMessage().contains(u"3 labels printed"_s));
    QSettings().remove(u"labels/pdfFolder"_s);
}

void TestWorkstationGui::everyInputIsNamedInReadingOrderAndFitsSmallScreens()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    MainWindow& window = station.window;
    RecordFormWidget* form = window.recordForm();
    int inputs = 0;
    const QList<QWidget*> widgets = window.findChildren<QWidget*>();
    for (QWidget* widget : widgets) {
        const bool input = qobject_cast<QLineEdit*>(widget) || qobject_cast<QComboBox*>(widget) ||
                           qobject_cast<QListWidget*>(widget) ||
                           qobject_cast<QDateTimeEdit*>(widget);
        if (!input || widget->objectName().startsWith(u"qt_"_s) || !widget->parentWidget() ||
            qobject_cast<QComboBox*>(widget->parentWidget())) {
            continue;
        }
        ++inputs;
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        QVERIFY2(widget->focusPolicy() & Qt::TabFocus, qPrintable(widget->objectName()));
        // What a screen reader says of the field.
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
        QVERIFY2(accessible && !accessible->text(QAccessible::Name).isEmpty(),
                 qPrintable(widget->objectName()));
    }
    QVERIFY(inputs >= 45); // every Annex 1 field of the form, and the queue's filters

    // Tab follows the reading order: each page down its left column, then its right one,
    // as the fields are listed.
    QStringList expected;
    for (const RecordField& field : RecordFields::all())
        expected.append(field.objectName());
    QStringList visited;
    QWidget* next = form->fieldWidget(u"specimen.accession"_s);
    for (int steps = 0; steps < 2000 && visited.size() < expected.size(); ++steps) {
        if (expected.contains(next->objectName()) && !visited.contains(next->objectName()))
            visited.append(next->objectName());
        next = next->nextInFocusChain();
    }
    QCOMPARE(visited, expected);

    // 1366 x 768 at 150 % is 910 x 512 logical pixels, less a task bar: the window fits.
    QVERIFY2(window.minimumSizeHint().width() <= 910,
             qPrintable(QString::number(window.minimumSizeHint().width())));
    QVERIFY2(window.minimumSizeHint().height() <= 480,
             qPrintable(QString::number(window.minimumSizeHint().height())));
    // 1024 x 600 at 100 %, less a task bar: every page of the form without scrolling.
    window.resize(1024, 560);
    auto* pages = find<QTabWidget>(form, u"pagesTabWidget"_s);
    for (const QString& name :
         {u"identity"_s, u"contact"_s, u"situation"_s, u"physicians"_s, u"sampling"_s}) {
        auto* scroll = find<QScrollArea>(form, name + u"ScrollArea"_s);
        pages->setCurrentWidget(scroll->parentWidget());
        QCoreApplication::processEvents();
        QVERIFY2(!scroll->verticalScrollBar()->isVisible(), qPrintable(name));
        QVERIFY2(!scroll->horizontalScrollBar()->isVisible(), qPrintable(name));
    }
    // The situation page: its two lists and the question between them without a gap.
    pages->setCurrentIndex(RecordField::SituationPage);
    QCoreApplication::processEvents();
    // Every answer of the lists in view.
    for (const QString& key : {u"residence"_s, u"symptoms"_s}) {
        auto* list = qobject_cast<QListWidget*>(form->fieldWidget(key));
        const QRect last = list->visualItemRect(list->item(list->count() - 1));
        QVERIFY2(list->viewport()->rect().contains(last),
                 qPrintable(u"%1: %2,%3 %4x%5 in %6x%7"_s.arg(key)
                                .arg(last.x())
                                .arg(last.y())
                                .arg(last.width())
                                .arg(last.height())
                                .arg(list->viewport()->width())
                                .arg(list->viewport()->height())));
    }
    QWidget* residence = form->fieldWidget(u"residence"_s);
    QWidget* health = form->fieldWidget(u"healthProfessional"_s);
    const int gap = health->mapTo(form, QPoint(0, 0)).y() -
                    residence->mapTo(form, QPoint(0, residence->height())).y();
    QVERIFY2(gap < 40, qPrintable(u"%1: residence %2+%3, health %4"_s.arg(gap)
                                      .arg(residence->mapTo(form, QPoint(0, 0)).y())
                                      .arg(residence->height())
                                      .arg(health->mapTo(form, QPoint(0, 0)).y())));

    // On a wide screen, fields keep the width of what they hold.
    window.resize(1366, 720);
    QCoreApplication::processEvents();
    for (QLineEdit* edit : form->findChildren<QLineEdit*>())
        QVERIFY2(edit->width() <= 480, qPrintable(edit->objectName()));
}

void TestWorkstationGui::signInIsCentredAndItsMessagesAreReadInFull()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    MainWindow& window = station.window;
    window.resize(1366, 720);
    QCoreApplication::processEvents();
    auto* card = find<QWidget>(&window, u"signInCard"_s);
    const QRect inWindow(card->mapTo(&window, QPoint(0, 0)), card->size());
    QVERIFY2(std::abs(inWindow.left() - (window.width() - inWindow.right())) <= 4,
             qPrintable(u"%1 %2"_s.arg(inWindow.left()).arg(window.width() - inWindow.right())));

    // Five wrong passwords: the lock-out says until when, in full.
    auto* name = find<QLineEdit>(&window, u"userNameLineEdit"_s);
    auto* password = find<QLineEdit>(&window, u"passwordLineEdit"_s);
    typeInto(name, NurseName);
    for (int i = 0; i < 6; ++i) {
        typeInto(password, u"not the password"_s);
        pressKey(password, Qt::Key_Return);
    }
    auto* message = find<QLabel>(find<QWidget>(&window, u"signInWidget"_s), u"messageLabel"_s);
    QCoreApplication::processEvents();
    QVERIFY2(message->text().contains(u"try again at"_s), qPrintable(message->text()));
    QVERIFY(message->isVisible());
    QCOMPARE(message->property("tone").value<Feedback::Tone>(), Feedback::Tone::Error);
    // Wrapped inside the card, and as tall as its wrapped text: nothing cut off.
    QVERIFY(message->width() <= card->width());
    QVERIFY2(
        message->height() >= message->heightForWidth(message->width()),
        qPrintable(
            u"%1 < %2"_s.arg(message->height()).arg(message->heightForWidth(message->width()))));
    QVERIFY(card->rect().contains(QRect(message->mapTo(card, QPoint(0, 0)), message->size())));
}

void TestWorkstationGui::savedRecordIsCorrectedAndReprintedFromTheQueue()
{
    StoreFixture fixture;
    QTemporaryDir printed;
    QSettings().setValue(u"labels/pdfFolder"_s, printed.path());
    const SamplingRecord saved = validRecord(14);
    {
        auto nurse = fixture.openAs(NurseName);
        SamplingRecord record = saved;
        QList<Problem> problems;
        QString error;
        QVERIFY(nurse->records()->add(&record, {}, &problems, &error));
    }
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    Store& store = station.store;
    MainWindow& window = station.window;
    QueueWidget* queue = window.queue();
    find<QTabWidget>(&window, u"workspaceTabWidget"_s)->setCurrentWidget(queue);
    find<QComboBox>(queue, u"dayFilterComboBox"_s)->setCurrentIndex(1); // all days
    auto* table = find<QTableView>(queue, u"recordsTableView"_s);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->setCurrentIndex(table->model()->index(0, 0));
    QTRY_VERIFY(!queue->selectedRecord().isNull()); // the pane follows the selection
    const QString detail = find<QLabel>(queue, u"detailLabel"_s)->text();
    QVERIFY2(detail.contains(saved.specimen.accession), qPrintable(detail));
    QVERIFY2(!detail.contains(u"Result"_s), qPrintable(detail)); // a nurse's view
    QVERIFY(find<PatientBanner>(queue, u"detailBanner"_s)
                ->text()
                .contains(saved.patient.birthName.toUpper()));

    // The label again, and it is audited.
    find<QPushButton>(queue, u"reprintLabelButton"_s)->click();
    QVERIFY(QFile::exists(printed.filePath(u"label-"_s + saved.specimen.accession + u".pdf"_s)));
    QCOMPARE(store.auditLog()->entries().last().action, u"label.reprint"_s);

    // A typo in the name, corrected with a reason: a new version, the status kept.
    auto* correct = find<QPushButton>(queue, u"correctRecordButton"_s);
    QVERIFY(correct->isVisible() && correct->isEnabled());
    correct->click();
    RecordFormWidget* form = window.recordForm();
    QVERIFY(form->isVisible());
    QCOMPARE(form->amendedRecord(), queue->selectedRecord());
    auto* birthName = qobject_cast<QLineEdit*>(form->fieldWidget(u"patient.birthName"_s));
    QCOMPARE(birthName->text(), saved.patient.birthName);
    birthName->clear();
    typeInto(birthName, u"Zorglubovitz"_s);
    pressKey(birthName, Qt::Key_Return);
    auto* pages = find<QTabWidget>(form, u"pagesTabWidget"_s);
    pages->setCurrentIndex(RecordField::ReviewPage);
    auto* save = find<QPushButton>(form, u"saveButton"_s);
    QVERIFY(!save->isEnabled()); // no reason yet
    auto* reason = find<QLineEdit>(form, u"amendReasonLineEdit"_s);
    QVERIFY(reason->isVisible());
    typeInto(reason, u"birth name mistyped"_s);
    pressKey(reason, Qt::Key_Return);
    QVERIFY(save->isEnabled());
    save->click();
    QVERIFY2(form->message().contains(u"Correction saved"_s), qPrintable(form->message()));
    QVERIFY(form->amendedRecord().isNull());

    SamplingRecord record;
    QString error;
    QVERIFY(store.records()->load(queue->selectedRecord(), &record, &error));
    QCOMPARE(record.patient.birthName, u"Zorglubovitz"_s);
    QCOMPARE(record.version, 2);
    QCOMPARE(record.status, RecordStatus::Sampled);
    bool amended = false;
    for (const AuditLog::Entry& entry : store.auditLog()->entries())
        amended = amended ||
                  (entry.action == u"record.amend"_s && entry.note == u"birth name mistyped"_s);
    QVERIFY(amended);
    QSettings().remove(u"labels/pdfFolder"_s);
}

void TestWorkstationGui::administratorManagesAccountsAndRoles()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(AdminName));
    QWidget* admin = find<QWidget>(&station.window, u"adminWidget"_s);
    auto* users = find<QTableWidget>(admin, u"usersTableWidget"_s);
    QCOMPARE(users->rowCount(), 3);

    // A new account, from the keyboard.
    typeInto(find<QLineEdit>(admin, u"newUserNameLineEdit"_s), u"claire"_s);
    auto* role = find<QComboBox>(admin, u"newUserRoleComboBox"_s);
    role->setCurrentIndex(role->findData(u"lab"_s));
    typeInto(find<QLineEdit>(admin, u"newUserPasswordLineEdit"_s), u"too short"_s);
    find<QPushButton>(admin, u"addUserButton"_s)->click();
    QVERIFY(find<QLabel>(admin, u"messageLabel"_s)->text().contains(u"12"_s));
    QCOMPARE(users->rowCount(), 3);
    typeInto(find<QLineEdit>(admin, u"newUserPasswordLineEdit"_s), u"password1234"_s);
    find<QPushButton>(admin, u"addUserButton"_s)->click();
    QVERIFY2(find<QLabel>(admin, u"messageLabel"_s)->text().contains(u"dictionary word"_s),
             qPrintable(find<QLabel>(admin, u"messageLabel"_s)->text()));
    QCOMPARE(users->rowCount(), 3);
    typeInto(find<QLineEdit>(admin, u"newUserPasswordLineEdit"_s), u"a long enough password"_s);
    find<QPushButton>(admin, u"addUserButton"_s)->click();
    QCOMPARE(users->rowCount(), 4);

    // The nurse becomes a lab user; the password of the lab account is reset.
    const auto rowOf = [users](const QString& name) {
        for (int row = 0; row < users->rowCount(); ++row) {
            if (users->item(row, 0)->text() == name)
                return row;
        }
        return -1;
    };
    users->setCurrentCell(rowOf(NurseName), 0);
    auto* selectedRole = find<QComboBox>(admin, u"selectedRoleComboBox"_s);
    selectedRole->setCurrentIndex(selectedRole->findData(u"lab"_s));
    find<QPushButton>(admin, u"changeRoleButton"_s)->click();
    QCOMPARE(users->item(rowOf(NurseName), 1)->data(Qt::UserRole).toString(), u"lab"_s);
    QCOMPARE(users->item(rowOf(NurseName), 1)->text(), UiLanguage::roleName(Role::Lab));
    users->setCurrentCell(rowOf(LabName), 0);
    typeInto(find<QLineEdit>(admin, u"resetPasswordLineEdit"_s), u"the lab's new password"_s);
    find<QPushButton>(admin, u"resetPasswordButton"_s)->click();

    Store check;
    QString error;
    QVERIFY(check.open(fixture.path(), &error));
    QVERIFY2(check.signIn(u"claire"_s, password(u"a long enough password"_s), &error),
             qPrintable(error));
    QCOMPARE(check.currentUser().role, Role::Lab);
    QVERIFY(check.signIn(LabName, password(u"the lab's new password"_s), &error));
    QVERIFY(check.signIn(NurseName, password(), &error));
    QCOMPARE(check.currentUser().role, Role::Lab);
}

QTEST_MAIN(TestWorkstationGui)
#include "TestWorkstationGui.moc"
