// The nurse's workstation driven like a person would: widgets found by object name, keys
// typed, Enter to move on. Each test checks what ended up in the store.

#include "BarcodeEncoder.h"
#include "DraftStore.h"
#include "GuiTestSupport.h"
#include "IdleWatcher.h"
#include "InsDataMatrix.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "QueueWidget.h"
#include "RecordFormWidget.h"
#include "RecordStore.h"
#include "ResultEntryWidget.h"
#include "ScannerInput.h"
#include "SetupWizard.h"
#include "Store.h"
#include "SyncPanelWidget.h"
#include "TestSupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
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
    void duplicateTubeLabelIsRefused();
    void idleLockHidesTheDataAndKeepsTheForm();
    void draftIsOfferedBackAfterTheWindowIsDestroyed();
    void roleDecidesWhatTheUserSees();
    void scannedTubeAndInsDocumentTakeTwelveActionsOrFewer();
    void scannedIdentityAsksBeforeOverwriting();
    void printedLabelMustBeScannedBackBeforeSaving();
    void everyInputHasAnAccessibleNameAndFitsTheScreen();
    void administratorManagesAccountsAndRoles();

private:
    template <typename T>
    static T* find(QWidget* root, const QString& name)
    {
        T* widget = root->findChild<T*>(name);
        if (!widget)
            qWarning("no widget named %s", qPrintable(name));
        return widget;
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
}

void TestWorkstationGui::firstStartWizardCreatesTheStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.db"_s);
    Store store;
    MainWindow window(store, path);
    typeLikeAPerson(window);
    window.show();
    window.start();
    SetupWizard* wizard = window.setupWizard();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());

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
    pressKey(QApplication::focusWidget(), Qt::Key_1); // 1 Female
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
    // Checked when left, the message beside the field.
    QTRY_VERIFY(form->fieldMessage(u"patient.ins"_s).contains(u"93 expected"_s));
    QVERIFY(!find<QLabel>(form, u"patientInsMessageLabel"_s)->isHidden());

    auto* pages = find<QTabWidget>(form, u"pagesTabWidget"_s);
    pages->setCurrentIndex(pages->count() - 1);
    QVERIFY(!find<QPushButton>(form, u"saveButton"_s)->isEnabled());
    auto* problems = find<QListWidget>(form, u"problemsListWidget"_s);
    QVERIFY(problems->count() >= 1);
    QVERIFY(problems->item(0)->text().contains(u"93 expected"_s));
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

void TestWorkstationGui::duplicateTubeLabelIsRefused()
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
    RecordFormWidget* form = window.recordForm();
    auto* tube = qobject_cast<QLineEdit*>(form->fieldWidget(u"specimen.accession"_s));
    typeInto(tube, validRecord(1).specimen.accession);
    pressKey(tube, Qt::Key_Return);
    QTRY_VERIFY(form->fieldMessage(u"specimen.accession"_s).contains(u"already used"_s));

    // Everything else right: still not saved.
    fillIdentityAndTube(form, 1);
    auto* pages = find<QTabWidget>(form, u"pagesTabWidget"_s);
    pages->setCurrentIndex(pages->count() - 1);
    QVERIFY(!find<QPushButton>(form, u"saveButton"_s)->isEnabled());
    QString error;
    QCOMPARE(store.records()->count({}, &error), 1);
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
    QCOMPARE(workspace->count(), 3); // results, queue, sync; no sampling form, no accounts
    QCOMPARE(workspace->widget(0), static_cast<QWidget*>(window.resultEntry()));
    QCOMPARE(workspace->widget(1), static_cast<QWidget*>(window.queue()));
    QCOMPARE(workspace->widget(2), static_cast<QWidget*>(window.syncPanel()));
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

void TestWorkstationGui::scannedTubeAndInsDocumentTakeTwelveActionsOrFewer()
{
    StoreFixture fixture;
    QTemporaryDir dir;
    Store store;
    MainWindow window(store, fixture.path());
    typeLikeAPerson(window);
    window.show();
    window.start();
    QApplication::setActiveWindow(&window);
    signIn(window, NurseName);
    QTRY_VERIFY(store.isSignedIn());
    RecordFormWidget* form = window.recordForm();

    int actions = 0;
    auto press = [&actions](int key) {
        pressKey(QApplication::focusWidget(), Qt::Key(key));
        ++actions;
    };
    auto typeText = [](const QString& text) { // free text does not count
        typeInto(QApplication::focusWidget(), text);
    };

    // 1. The tube's label, scanned.
    wedgeScan(window, u"CHU75-2020-SCAN01"_s);
    ++actions;
    QTRY_COMPARE(qobject_cast<QLineEdit*>(form->fieldWidget(u"specimen.accession"_s))->text(),
                 u"CHU75-2020-SCAN01"_s);
    // 2. The patient's document: its INS DataMatrix read from the image by ZXing.
    window.scanImageFile(insDocumentImage(dir, 31));
    ++actions;
    const SamplingRecord expected = validRecord(31);
    QCOMPARE(qobject_cast<QLineEdit*>(form->fieldWidget(u"patient.ins"_s))->text(),
             expected.patient.ins);
    // What the document does not say: contact and situation.
    QCOMPARE(QApplication::focusWidget()->objectName(), u"contactAddressLines0LineEdit"_s);
    typeText(u"12 rue des Lilas"_s);
    press(Qt::Key_Return);
    typeText(u"75012"_s);
    press(Qt::Key_Return);
    typeText(u"Paris"_s);
    press(Qt::Key_Return);
    typeText(identifyingStrings(31)[2] + u"@example.org"_s);
    press(Qt::Key_Return);
    typeText(u"0612345678"_s);
    press(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"residenceListWidget"_s);
    press(Qt::Key_1); // individual housing
    press(Qt::Key_Return);
    press(Qt::Key_2); // not a health professional; moves on
    press(Qt::Key_1); // no symptoms; nothing more is needed
    QCOMPARE(QApplication::focusWidget()->objectName(), u"saveButton"_s);
    press(Qt::Key_Return); // save

    QString error;
    QUuid id;
    QVERIFY2(store.records()->findByTube(u"CHU75-2020-SCAN01"_s, &id, &error), qPrintable(error));
    SamplingRecord record;
    QVERIFY(store.records()->load(id, &record, &error));
    QCOMPARE(record.patient.identityStatus, u"qualified"_s);
    QCOMPARE(record.patient.ins, expected.patient.ins);
    QCOMPARE(record.patient.birthName, expected.patient.birthName.toUpper());
    QCOMPARE(record.patient.birthDate, expected.patient.birthDate);
    QCOMPARE(record.symptomOnset, u"asymptomatic"_s);
    qInfo("Actions from the tube scan to the saved record (INS document): %d (target: 12 or "
          "fewer)",
          actions);
    QVERIFY(actions <= 12);
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

void TestWorkstationGui::everyInputHasAnAccessibleNameAndFitsTheScreen()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    MainWindow& window = station.window;
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
    }
    QVERIFY(inputs >= 45); // every Annex 1 field of the form, and the queue's filters
    // A 1366 x 768 screen, less a task bar.
    QVERIFY(window.minimumSizeHint().width() <= 1366);
    QVERIFY(window.minimumSizeHint().height() <= 720);
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
    QCOMPARE(users->item(rowOf(NurseName), 1)->text(), u"lab"_s);
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
