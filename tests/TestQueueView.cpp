// The queue: the model's rows and columns, its laziness (only the pages on screen are
// decrypted), filters, search, refresh on save, and forgetting everything on lock; the
// widget driven by object name like a user would.

#include "QueueWidget.h"
#include "RecordQueueModel.h"
#include "RecordSeal.h"
#include "RecordStore.h"
#include "Store.h"
#include "StoreTestAccess.h"
#include "TestSupport.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int TodayRecords = 2000;
constexpr int YesterdayRecords = 20;
constexpr int FirstYesterdayIndex = 3000;
constexpr int DamagedIndex = FirstYesterdayIndex + 5;

QString isoLocal(const QDateTime& at)
{
    return at.toOffsetFromUtc(at.offsetFromUtc()).toString(Qt::ISODate);
}

// Today at a time already past, so that every record lands on the same local day.
QDateTime sampledToday()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime minuteAgo = now.addSecs(-60);
    const QDateTime at =
        minuteAgo.date() == now.date() ? minuteAgo : QDateTime(now.date(), QTime(0, 0));
    return QDateTime::fromString(isoLocal(at), Qt::ISODate); // whole seconds, as stored
}

// The display name the store builds from validRecord(index).
QString patientName(int index)
{
    const QStringList strings = TestSupport::identifyingStrings(index);
    return strings.at(0).toUpper() + u' ' + strings.at(1);
}

QString tubeLabel(int index)
{
    return u"CHU75-2020-%1"_s.arg(index, 6, 10, QLatin1Char('0'));
}

} // namespace

class TestQueueView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rowsAndColumns();
    void pagesLazily();
    void keepsFewPages();
    void filtersByStatusAndDay();
    void marksDamagedRows();
    void widgetFilters();
    void todayMovesAtMidnight();
    void searchesByTubeLabel();
    void searchesByName();
    void searchesByStartOfNamesAndEndOfLabel();
    void showsTheBirthDate();
    void searchFindsRecordsSavedBeforeTheSearchExisted();
    void activatesOnDoubleClick();
    void keyboardPathAndNames();
    void refreshesWhenSaved();
    void clearDropsData();
    void signOutEmptiesModel();

private:
    void addRecords(int firstIndex, int count, const QDateTime& sampledAt);
    template <typename T>
    T* child(QWidget* parent, const QString& name)
    {
        T* found = parent->findChild<T*>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }

    // The widgets' "today" is the day the records were dated, even if midnight passes
    // during the run.
    std::function<QDate()> today() const
    {
        return [date = m_today.date()] { return date; };
    }

    std::unique_ptr<TestSupport::StoreFixture> m_fixture;
    std::unique_ptr<Store> m_store;
    QDateTime m_today;
    QHash<int, QUuid> m_ids; // by validRecord index
    int m_resultedToday = 0;
};

void TestQueueView::addRecords(int firstIndex, int count, const QDateTime& sampledAt)
{
    constexpr int Batch = 500;
    for (int start = 0; start < count; start += Batch) {
        QList<SamplingRecord> batch;
        for (int i = start; i < std::min(count, start + Batch); ++i) {
            SamplingRecord record = TestSupport::validRecord(firstIndex + i);
            record.specimen.collectedAt = isoLocal(sampledAt);
            batch.append(record);
        }
        QList<QList<Problem>> problems;
        QString error;
        QVERIFY2(m_store->records()->add(&batch, {}, &problems, &error), qPrintable(error));
        for (int i = 0; i < batch.size(); ++i)
            m_ids.insert(firstIndex + start + i, batch.at(i).id);
    }
}

void TestQueueView::initTestCase()
{
    m_fixture = std::make_unique<TestSupport::StoreFixture>();
    QVERIFY(m_fixture->isValid());
    m_store = m_fixture->openAs(TestSupport::NurseName);
    QVERIFY(m_store);
    m_today = sampledToday();
    addRecords(0, TodayRecords, m_today);
    addRecords(FirstYesterdayIndex, YesterdayRecords, m_today.addDays(-1));

    // No status change API yet: the status is a clear column, set it directly.
    QStringList resulted;
    for (int i = 0; i < TodayRecords; i += 10)
        resulted.append(u"'%1'"_s.arg(m_ids.value(i).toString(QUuid::WithoutBraces)));
    m_resultedToday = int(resulted.size());
    QString error;
    QVERIFY2(StoreTestAccess::database(*m_store).execDirect(
                 u"UPDATE records SET status = '%1' WHERE id IN (%2)"_s.arg(
                     recordStatusName(RecordStatus::Resulted), resulted.join(u',')),
                 &error),
             qPrintable(error));
    // Written by the store itself, the row's hash follows its status.
    for (int i = 0; i < TodayRecords; i += 10) {
        QVERIFY2(
            RecordSeal::sealRow(*m_store, m_ids.value(i).toString(QUuid::WithoutBraces), &error),
            qPrintable(error));
    }
    // A record whose specimen block no longer decrypts.
    QVERIFY2(StoreTestAccess::database(*m_store).execDirect(
                 u"UPDATE records SET specimen = x'00112233' WHERE id = '%1'"_s.arg(
                     m_ids.value(DamagedIndex).toString(QUuid::WithoutBraces)),
                 &error),
             qPrintable(error));
}

void TestQueueView::rowsAndColumns()
{
    RecordQueueModel model(m_store->records());
    RecordStore::Query query;
    query.collectedOn = m_today.date();
    model.setQuery(query);
    QCOMPARE(model.rowCount(), TodayRecords);
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.headerData(RecordQueueModel::TubeLabelColumn, Qt::Horizontal).toString(),
             u"Tube label"_s);

    // Same sampling time for all: the last saved comes first.
    const int newest = TodayRecords - 1;
    QCOMPARE(model.recordId(0), m_ids.value(newest));
    QCOMPARE(model.index(0, RecordQueueModel::TubeLabelColumn).data().toString(),
             tubeLabel(newest));
    QCOMPARE(model.index(0, RecordQueueModel::PatientNameColumn).data().toString(),
             patientName(newest));
    QCOMPARE(model.index(0, RecordQueueModel::SampledAtColumn).data().toString(),
             QLocale().toString(m_today.toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(model.index(0, RecordQueueModel::StatusColumn).data().toString(),
             u"Awaiting result"_s);
    // Index 1990 was marked resulted.
    QCOMPARE(model.index(9, RecordQueueModel::StatusColumn).data().toString(), u"Resulted"_s);
    QCOMPARE(model.index(9, 0).data(RecordQueueModel::StatusRole).toInt(),
             int(RecordStatus::Resulted));
    QCOMPARE(model.index(9, 0).data(RecordQueueModel::RecordIdRole).toUuid(), m_ids.value(1990));
    QCOMPARE(model.recordId(TodayRecords - 1), m_ids.value(0));
    QVERIFY(model.recordId(TodayRecords).isNull());
    QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(model.lastError().isEmpty());
}

void TestQueueView::pagesLazily()
{
    RecordQueueModel model(m_store->records());
    QCOMPARE(model.decryptedRowCount(), 0); // counting decrypts nothing
    QCOMPARE(model.rowCount(), TodayRecords + YesterdayRecords);

    QTableView view;
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.setModel(&model);
    view.resize(1366, 768);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::processEvents();
    // The first screen (about 30 rows) is one page.
    QVERIFY(model.decryptedRowCount() > 0);
    QCOMPARE(model.decryptedRowCount(), qint64(model.pageSize()));

    view.scrollToBottom();
    QCoreApplication::processEvents();
    QVERIFY2(model.decryptedRowCount() <= 3 * model.pageSize(),
             qPrintable(QString::number(model.decryptedRowCount())));

    // Painting the same screen again decrypts nothing more.
    const qint64 before = model.decryptedRowCount();
    view.viewport()->repaint();
    QCOMPARE(model.decryptedRowCount(), before);
}

void TestQueueView::keepsFewPages()
{
    RecordQueueModel model(m_store->records());
    model.setPageSize(50);
    model.setCachedPages(3);
    model.refresh();
    QVERIFY(model.index(0, 0).data().isValid());
    QCOMPARE(model.decryptedRowCount(), 50);
    QVERIFY(model.index(49, 0).data().isValid());
    QCOMPARE(model.decryptedRowCount(), 50); // same page
    for (int page = 1; page <= 3; ++page)
        QVERIFY(model.index(page * 50, 0).data().isValid());
    QCOMPARE(model.decryptedRowCount(), 200);
    // Page 0 was the least recently used of four: dropped, so fetched (decrypted) again.
    QVERIFY(model.index(0, 0).data().isValid());
    QCOMPARE(model.decryptedRowCount(), 250);
}

void TestQueueView::filtersByStatusAndDay()
{
    RecordQueueModel model(m_store->records());
    RecordStore::Query query;
    query.status = RecordStatus::Resulted;
    model.setQuery(query);
    QCOMPARE(model.rowCount(), m_resultedToday);
    for (int row = 0; row < model.rowCount(); row += 37)
        QCOMPARE(model.index(row, RecordQueueModel::StatusColumn).data().toString(), u"Resulted"_s);

    query.status = RecordStatus::Purged;
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 0);

    query = {};
    query.collectedOn = m_today.date().addDays(-1);
    model.setQuery(query);
    QCOMPARE(model.rowCount(), YesterdayRecords);
    QCOMPARE(model.recordId(0), m_ids.value(FirstYesterdayIndex + YesterdayRecords - 1));

    query.status = RecordStatus::Sampled;
    model.setQuery(query);
    QCOMPARE(model.rowCount(), YesterdayRecords);
}

void TestQueueView::marksDamagedRows()
{
    RecordQueueModel model(m_store->records());
    RecordStore::Query query;
    query.collectedOn = m_today.date().addDays(-1);
    model.setQuery(query);
    const int row = model.rowOf(m_ids.value(DamagedIndex), 0);
    QCOMPARE(row, YesterdayRecords - 1 - (DamagedIndex - FirstYesterdayIndex));
    QVERIFY(model.index(row, 0).data(RecordQueueModel::DamagedRole).toBool());
    QCOMPARE(model.index(row, RecordQueueModel::StatusColumn).data().toString(), u"Damaged"_s);
    QCOMPARE(model.index(row, RecordQueueModel::TubeLabelColumn).data().toString(),
             u"(unreadable)"_s);
    QVERIFY(model.index(row, RecordQueueModel::TubeLabelColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(row, 0).data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!model.index(row, RecordQueueModel::StatusColumn)
                 .data(Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    // Its neighbours are intact.
    QCOMPARE(model.index(row + 1, RecordQueueModel::StatusColumn).data().toString(),
             u"Awaiting result"_s);
}

void TestQueueView::widgetFilters()
{
    QueueWidget widget;
    widget.setToday(today());
    widget.setRecordStore(m_store->records());
    widget.resize(1366, 700);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    auto* day = child<QComboBox>(&widget, u"dayFilterComboBox"_s);
    auto* status = child<QComboBox>(&widget, u"statusFilterComboBox"_s);
    auto* count = child<QLabel>(&widget, u"countLabel"_s);
    auto* table = child<QTableView>(&widget, u"recordsTableView"_s);
    QCOMPARE(table->model(), widget.model());

    QCOMPARE(day->currentIndex(), 0); // today by default
    QCOMPARE(widget.model()->rowCount(), TodayRecords);
    QVERIFY(count->text().startsWith(u"%1 record"_s.arg(TodayRecords)));

    day->setFocus();
    QTest::keyClick(day, Qt::Key_Down); // all days
    QCOMPARE(widget.model()->rowCount(), TodayRecords + YesterdayRecords);

    status->setCurrentIndex(status->findData(int(RecordStatus::Resulted)));
    QCOMPARE(widget.model()->rowCount(), m_resultedToday);
    QVERIFY(count->text().startsWith(u"%1 record"_s.arg(m_resultedToday)));
    status->setCurrentIndex(0);
    QCOMPARE(widget.model()->rowCount(), TodayRecords + YesterdayRecords);
}

void TestQueueView::todayMovesAtMidnight()
{
    // The day after the records of "yesterday" were taken: the widget shows them as today's
    // once refreshed, without any change of filter.
    QDate date = m_today.date().addDays(-1);
    QueueWidget widget;
    widget.setToday([&date] { return date; });
    widget.setRecordStore(m_store->records());
    QCOMPARE(widget.model()->rowCount(), YesterdayRecords);
    date = m_today.date();
    widget.refresh();
    QCOMPARE(widget.model()->rowCount(), TodayRecords);
}

void TestQueueView::searchesByTubeLabel()
{
    QueueWidget widget;
    widget.setToday(today());
    widget.setRecordStore(m_store->records());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QSignalSpy activated(&widget, &QueueWidget::recordActivated);
    auto* search = child<QLineEdit>(&widget, u"searchLineEdit"_s);
    auto* table = child<QTableView>(&widget, u"recordsTableView"_s);

    search->setFocus();
    QTest::keyClicks(search, tubeLabel(42));
    QCOMPARE(widget.model()->rowCount(), TodayRecords); // nothing until Enter
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(widget.model()->rowCount(), 1);
    QCOMPARE(widget.model()->recordId(0), m_ids.value(42));
    QVERIFY(widget.model()->query().patientName.isEmpty());
    // Plurals come from the translations, which tests do not load.
    QVERIFY(child<QLabel>(&widget, u"countLabel"_s)->text().startsWith(u"1 record"_s));
    QVERIFY(child<QLabel>(&widget, u"countLabel"_s)->text().endsWith(u"found"_s));

    // The scanner's Enter moved to the table: Enter again opens the record.
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toUuid(), m_ids.value(42));

    // Clearing the field ends the search.
    search->clear();
    QCOMPARE(widget.model()->rowCount(), TodayRecords);
}

void TestQueueView::searchesByName()
{
    QueueWidget widget;
    widget.setToday(today());
    widget.setRecordStore(m_store->records());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    auto* search = child<QLineEdit>(&widget, u"searchLineEdit"_s);

    // Not a tube label: tried as a name, ignoring case.
    const QString birthName = TestSupport::identifyingStrings(1234).at(0);
    QTest::keyClicks(search, birthName.toLower());
    QTest::keyClick(search, Qt::Key_Enter);
    QCOMPARE(widget.model()->rowCount(), 1);
    QCOMPARE(widget.model()->recordId(0), m_ids.value(1234));
    QCOMPARE(widget.model()->index(0, RecordQueueModel::PatientNameColumn).data().toString(),
             patientName(1234));
    QVERIFY(widget.model()->query().tubeLabel.isEmpty());

    search->selectAll();
    QTest::keyClicks(search, u"Nobodyknownhere"_s);
    QTest::keyClick(search, Qt::Key_Enter);
    QCOMPARE(widget.model()->rowCount(), 0);
    QVERIFY(child<QLabel>(&widget, u"countLabel"_s)->text().startsWith(u"0 record"_s));

    // The search combines with the filters: yesterday's patient is not in today's queue.
    const QString yesterdays = TestSupport::identifyingStrings(FirstYesterdayIndex).at(0);
    search->selectAll();
    QTest::keyClicks(search, yesterdays);
    QTest::keyClick(search, Qt::Key_Enter);
    QCOMPARE(widget.model()->rowCount(), 0);
    child<QComboBox>(&widget, u"dayFilterComboBox"_s)->setCurrentIndex(1);
    QCOMPARE(widget.model()->rowCount(), 1);
    QCOMPARE(widget.model()->recordId(0), m_ids.value(FirstYesterdayIndex));
}

void TestQueueView::searchesByStartOfNamesAndEndOfLabel()
{
    RecordStore* records = m_store->records();
    const auto found = [records, this](const QString& text, bool allDays = false) {
        RecordStore::Query query;
        query.search = text;
        if (!allDays)
            query.collectedOn = m_today.date();
        QString error;
        const int count = records->count(query, &error);
        QSet<int> indexes;
        for (const RecordStore::Summary& summary : records->page(query, 0, 1000, false, &error)) {
            indexes.insert(m_ids.key(summary.id, -1));
        }
        if (indexes.size() != count)
            qWarning("count %d but %d rows", count, int(indexes.size()));
        return indexes;
    };
    const QStringList strings = TestSupport::identifyingStrings(1234);
    const QString birthName = strings.at(0); // ...bcde
    const QString firstName = strings.at(1);
    // The start of a name, in any case and without its accents.
    QCOMPARE(found(birthName.left(birthName.size() - 1).toLower()),
             (QSet<int>{123, 1230, 1231, 1232, 1233, 1234, 1235, 1236, 1237, 1238, 1239}));
    // A first name alone; "first last" and "last first".
    QCOMPARE(found(firstName), QSet<int>{1234});
    QCOMPARE(found(firstName + u' ' + birthName), QSet<int>{1234});
    QCOMPARE(found(birthName.toUpper() + u"  "_s + firstName.left(11)), (QSet<int>{1234}));
    QCOMPARE(found(u"Philomène"_s + u' ' + birthName.left(birthName.size() - 1)),
             (QSet<int>{123, 1230, 1231, 1232, 1233, 1234, 1235, 1236, 1237, 1238, 1239}));
    QCOMPARE(found(firstName + u' ' + birthName + u'x'), QSet<int>{});
    // The end of a tube label, as written on the tube.
    QCOMPARE(found(u"1234"_s), QSet<int>{1234});
    QCOMPARE(found(u"234"_s), (QSet<int>{234, 1234}));
    QCOMPARE(found(u"2020-000234"_s), QSet<int>{234});
    // Combined with the day: yesterday's patient only among all days.
    const QString yesterdays = TestSupport::identifyingStrings(FirstYesterdayIndex).at(1);
    QCOMPARE(found(yesterdays), QSet<int>{});
    QCOMPARE(found(yesterdays, true), QSet<int>{FirstYesterdayIndex});
    // One letter says too little: nothing, rather than everyone.
    QCOMPARE(found(u"z"_s), QSet<int>{});
    // Every record has as many buckets as any other: their number says nothing of its names.
    QSqlQuery& perRecord = StoreTestAccess::database(*m_store).query(
        u"SELECT DISTINCT n FROM (SELECT count(*) AS n FROM record_search GROUP BY record_id)"_s);
    QVERIFY(perRecord.exec());
    QList<int> sizes;
    while (perRecord.next())
        sizes.append(perRecord.value(0).toInt());
    perRecord.finish();
    QCOMPARE(sizes, QList<int>{12});

    // The same from the search field.
    QueueWidget widget;
    widget.setToday(today());
    widget.setRecordStore(records);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    auto* search = child<QLineEdit>(&widget, u"searchLineEdit"_s);
    QTest::keyClicks(search, firstName.toLower() + u" zorglub"_s);
    QTest::keyClick(search, Qt::Key_Enter);
    QCOMPARE(widget.model()->rowCount(), 1);
    QCOMPARE(widget.model()->recordId(0), m_ids.value(1234));
}

// A store that had records before the search: their buckets are made at the first search.
void TestQueueView::searchFindsRecordsSavedBeforeTheSearchExisted()
{
    TestSupport::StoreFixture fixture;
    auto nurse = fixture.openAs(TestSupport::NurseName);
    QList<SamplingRecord> records{TestSupport::validRecord(61), TestSupport::validRecord(62)};
    QList<QList<Problem>> problems;
    QString error;
    QVERIFY(nurse->records()->add(&records, {}, &problems, &error));
    // As the store was before schema version 8 filled its buckets.
    QVERIFY(StoreTestAccess::database(*nurse).execDirect(u"DELETE FROM record_search"_s, &error));
    QVERIFY(StoreTestAccess::database(*nurse).execDirect(
        u"DELETE FROM meta WHERE key = 'search.buckets'"_s, &error));
    RecordStore::Query query;
    query.search = TestSupport::identifyingStrings(62).at(1);
    QCOMPARE(nurse->records()->count(query, &error), 1);
    QCOMPARE(StoreTestAccess::database(*nurse).metaValue(u"search.buckets"_s), QByteArray("1"));
    query.search = u"Zorglub"_s;
    QCOMPARE(nurse->records()->count(query, &error), 2);
}

void TestQueueView::showsTheBirthDate()
{
    RecordQueueModel model(m_store->records());
    RecordStore::Query query;
    query.collectedOn = m_today.date();
    model.setQuery(query);
    QCOMPARE(model.headerData(RecordQueueModel::BirthDateColumn, Qt::Horizontal).toString(),
             u"Born"_s);
    QCOMPARE(model.index(0, RecordQueueModel::BirthDateColumn).data().toString(),
             QLocale().toString(QDate(1995, 10, 21), QLocale::ShortFormat));
}

void TestQueueView::activatesOnDoubleClick()
{
    QueueWidget widget;
    widget.setToday(today());
    widget.setRecordStore(m_store->records());
    widget.resize(1000, 600);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QSignalSpy activated(&widget, &QueueWidget::recordActivated);
    auto* table = child<QTableView>(&widget, u"recordsTableView"_s);
    const QRect rect = table->visualRect(widget.model()->index(3, 1));
    QVERIFY(rect.isValid());
    // What a mouse sends: a click, then the second press as a double click.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toUuid(), widget.model()->recordId(3));
}

void TestQueueView::keyboardPathAndNames()
{
    QueueWidget widget;
    widget.setToday(today());
    widget.setRecordStore(m_store->records());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    // Fits a 1366x768 screen with room for a window frame and a menu.
    QVERIFY(widget.minimumSizeHint().width() <= 1366);
    QVERIFY(widget.minimumSizeHint().height() <= 600);

    const QStringList inputs = {u"dayFilterComboBox"_s, u"statusFilterComboBox"_s,
                                u"searchLineEdit"_s, u"searchButton"_s, u"recordsTableView"_s};
    for (const QString& name : inputs) {
        auto* input = child<QWidget>(&widget, name);
        if (name != u"searchButton"_s)
            QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(name));
        QVERIFY2(input->focusPolicy() & Qt::TabFocus, qPrintable(name));
    }
    // Tab goes through them in order, and out of the table (no tab navigation inside it).
    child<QWidget>(&widget, inputs.first())->setFocus();
    QTRY_VERIFY(child<QWidget>(&widget, inputs.first())->hasFocus());
    for (qsizetype i = 1; i < inputs.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), inputs.at(i));
    }
    // The labels' mnemonics reach their fields.
    QTest::keyClick(&widget, Qt::Key_T, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"statusFilterComboBox"_s);
    QTest::keyClick(&widget, Qt::Key_H, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"searchLineEdit"_s);
}

void TestQueueView::refreshesWhenSaved()
{
    RecordQueueModel model(m_store->records());
    RecordStore::Query query;
    query.collectedOn = m_today.date();
    model.setQuery(query);
    QCOMPARE(model.rowCount(), TodayRecords);
    QSignalSpy counted(&model, &RecordQueueModel::countChanged);

    addRecords(TodayRecords, 3, m_today);
    // One refresh for the batch, once control returns to the event loop.
    QCOMPARE(model.rowCount(), TodayRecords);
    QTRY_COMPARE(model.rowCount(), TodayRecords + 3);
    QCOMPARE(counted.size(), 1);
    QCOMPARE(model.recordId(0), m_ids.value(TodayRecords + 2));
    QCOMPARE(model.index(0, RecordQueueModel::PatientNameColumn).data().toString(),
             patientName(TodayRecords + 2));

    // The widget keeps the user's record selected while new ones arrive above it.
    QueueWidget widget;
    widget.setToday(today());
    widget.setRecordStore(m_store->records());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    auto* table = child<QTableView>(&widget, u"recordsTableView"_s);
    table->setCurrentIndex(widget.model()->index(5, 0));
    const QUuid selected = widget.model()->recordId(5);
    addRecords(TodayRecords + 3, 1, m_today);
    QTRY_COMPARE(widget.model()->rowCount(), TodayRecords + 4);
    QCOMPARE(table->currentIndex().row(), 6);
    QCOMPARE(widget.model()->recordId(6), selected);
}

void TestQueueView::clearDropsData()
{
    QueueWidget widget;
    widget.setToday(today());
    widget.setRecordStore(m_store->records());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    auto* search = child<QLineEdit>(&widget, u"searchLineEdit"_s);
    RecordQueueModel* model = widget.model();
    // A name no other begins with (a search finds names by their start).
    QTest::keyClicks(search, TestSupport::identifyingStrings(1234).at(0));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(!model->index(0, RecordQueueModel::PatientNameColumn).data().toString().isEmpty());

    widget.clear();
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!model->index(0, 0).isValid());
    QVERIFY(model->recordId(0).isNull());
    QVERIFY(search->text().isEmpty());
    QVERIFY(model->query().patientName.isEmpty());
    QVERIFY(model->query().search.isEmpty());
    QVERIFY(child<QLabel>(&widget, u"countLabel"_s)->text().startsWith(u"0 record"_s));

    // A save while locked does not bring anything back.
    const qint64 decrypted = model->decryptedRowCount();
    addRecords(TodayRecords + 10, 1, m_today); // after refreshesWhenSaved's
    QTest::qWait(20);
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(model->decryptedRowCount(), decrypted);

    // Unlocked again: the queue comes back.
    widget.refresh();
    QVERIFY(model->rowCount() > TodayRecords);
}

void TestQueueView::signOutEmptiesModel()
{
    std::unique_ptr<Store> store = m_fixture->openAs(TestSupport::NurseName);
    QVERIFY(store);
    RecordQueueModel model(store->records());
    QVERIFY(model.rowCount() > 0);
    QVERIFY(model.index(0, 0).data().isValid());
    store->signOut();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.recordStore() == nullptr);
    model.refresh(); // no store: stays empty, does not crash
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestQueueView)
#include "TestQueueView.moc"
