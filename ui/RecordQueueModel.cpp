#include "RecordQueueModel.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace {

// Best effort: overwrites the text where no other copy shares it, then lets it go. QString
// gives no stronger guarantee; what matters is that no decrypted name outlives the cache.
void wipe(QString* text)
{
    text->fill(QChar(u'\0'));
    text->clear();
}

QString displayTime(const QString& iso)
{
    // A purged record keeps only its sampling day.
    if (iso.size() == 10) {
        const QDate day = QDate::fromString(iso, Qt::ISODate);
        return day.isValid() ? QLocale().toString(day, QLocale::ShortFormat) : iso;
    }
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODate);
    if (!at.isValid())
        return iso;
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

RecordQueueModel::RecordQueueModel(QObject* parent)
    : QAbstractTableModel(parent)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &RecordQueueModel::refresh);
}

RecordQueueModel::RecordQueueModel(RecordStore* records, QObject* parent)
    : RecordQueueModel(parent)
{
    setRecordStore(records);
}

RecordQueueModel::~RecordQueueModel()
{
    dropPages();
}

void RecordQueueModel::setRecordStore(RecordStore* records)
{
    disconnect(m_savedConnection);
    disconnect(m_destroyedConnection);
    m_records = records;
    if (!records) {
        clear();
        return;
    }
    m_savedConnection =
        connect(records, &RecordStore::recordSaved, this, &RecordQueueModel::scheduleRefresh);
    // Sign-out destroys the RecordStore: forget what it decrypted at the same moment.
    m_destroyedConnection = connect(records, &QObject::destroyed, this, [this] {
        m_records = nullptr;
        clear();
    });
    refresh();
}

void RecordQueueModel::setQuery(const RecordStore::Query& query)
{
    m_query = query;
    refresh();
}

void RecordQueueModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

void RecordQueueModel::setCachedPages(int pages)
{
    m_cachedPages = std::max(1, pages);
}

void RecordQueueModel::refresh()
{
    m_cleared = false;
    m_refreshTimer.stop();
    beginResetModel();
    dropPages();
    m_rowCount = 0;
    m_lastError.clear();
    if (m_records) {
        QString error;
        m_rowCount = m_records->count(m_query, &error);
        if (!error.isEmpty())
            reportError(error);
    }
    endResetModel();
    Q_EMIT countChanged(m_rowCount);
}

void RecordQueueModel::clear()
{
    m_cleared = true;
    m_refreshTimer.stop();
    beginResetModel();
    dropPages();
    m_rowCount = 0;
    // The query may hold a patient name typed into the search.
    wipe(&m_query.patientName);
    wipe(&m_query.tubeLabel);
    wipe(&m_query.search);
    endResetModel();
    Q_EMIT countChanged(0);
}

void RecordQueueModel::scheduleRefresh()
{
    // Cleared means locked: a save must not bring decrypted rows back before the unlock.
    if (!m_cleared && !m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void RecordQueueModel::dropPages()
{
    for (Page& page : m_pages) {
        for (Row& row : page.rows) {
            wipe(&row.tubeLabel);
            wipe(&row.patientName);
            wipe(&row.birthDate);
        }
    }
    m_pages.clear();
}

void RecordQueueModel::reportError(const QString& error) const
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    // data() runs while the view paints: tell listeners once painting is over.
    auto* self = const_cast<RecordQueueModel*>(this);
    QMetaObject::invokeMethod(
        self, [self, error] { Q_EMIT self->errorOccurred(error); }, Qt::QueuedConnection);
}

const RecordQueueModel::Page& RecordQueueModel::fetchPage(int number) const
{
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        if (m_pages.at(i).number == number) {
            if (i > 0)
                m_pages.move(i, 0);
            return m_pages.first();
        }
    }
    Page page;
    page.number = number;
    if (m_records) {
        QString error;
        const QList<RecordStore::Summary> summaries =
            m_records->page(m_query, number * m_pageSize, m_pageSize, true, &error);
        if (!error.isEmpty())
            reportError(error);
        // A failed page is cached empty, so that painting does not retry it row by row.
        page.rows.reserve(summaries.size());
        for (const RecordStore::Summary& summary : summaries) {
            const QDate born = QDate::fromString(summary.birthDate, Qt::ISODate);
            page.rows.append({summary.id, displayTime(summary.collectedAt), summary.accession,
                              summary.patientName,
                              born.isValid() ? QLocale().toString(born, QLocale::ShortFormat)
                                             : summary.birthDate,
                              summary.status, summary.damaged});
        }
        m_decryptedRows += summaries.size();
    }
    m_pages.prepend(std::move(page));
    while (m_pages.size() > m_cachedPages) {
        for (Row& row : m_pages.last().rows) {
            wipe(&row.tubeLabel);
            wipe(&row.patientName);
            wipe(&row.birthDate);
        }
        m_pages.removeLast();
    }
    return m_pages.first();
}

const RecordQueueModel::Row* RecordQueueModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return nullptr;
    const Page& page = fetchPage(row / m_pageSize);
    const int offset = row % m_pageSize;
    // Shorter than expected when records changed since the count: a refresh is coming.
    return offset < page.rows.size() ? &page.rows.at(offset) : nullptr;
}

QUuid RecordQueueModel::recordId(int row) const
{
    const Row* found = rowAt(row);
    return found ? found->id : QUuid();
}

int RecordQueueModel::rowOf(const QUuid& id, int hintRow) const
{
    if (id.isNull() || m_rowCount == 0)
        return -1;
    const int hintPage = std::clamp(hintRow, 0, m_rowCount - 1) / m_pageSize;
    for (int number : {hintPage, hintPage - 1}) {
        if (number < 0)
            continue;
        const Page& page = fetchPage(number);
        for (qsizetype i = 0; i < page.rows.size(); ++i) {
            if (page.rows.at(i).id == id)
                return number * m_pageSize + int(i);
        }
    }
    return -1;
}

QString RecordQueueModel::statusText(RecordStatus status)
{
    switch (status) {
    case RecordStatus::Draft:
        return tr("Draft");
    case RecordStatus::Sampled:
        return tr("Awaiting result");
    case RecordStatus::Resulted:
        return tr("Resulted");
    case RecordStatus::Purged:
        return tr("Purged");
    }
    return {};
}

QString RecordQueueModel::resultText(const QString& value)
{
    if (value == u"P"_s)
        return tr("positive");
    if (value == u"N"_s)
        return tr("negative");
    if (value == u"I"_s)
        return tr("uninterpretable");
    if (value == u"X"_s)
        return tr("non-compliant sample");
    return value;
}

QString RecordQueueModel::damagedText()
{
    return tr("Damaged");
}

int RecordQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int RecordQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordQueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    // Roles the view asks for that need no record: answered without fetching a page.
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
    case Qt::ForegroundRole:
    case Qt::BackgroundRole:
    case Qt::DecorationRole:
    case Qt::FontRole:
    case RecordIdRole:
    case StatusRole:
    case DamagedRole:
        break;
    default:
        return {};
    }
    const Row* row = rowAt(index.row());
    if (!row)
        return {};

    switch (role) {
    case RecordIdRole:
        return row->id;
    case StatusRole:
        return int(row->status);
    case DamagedRole:
        return row->damaged;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case SampledAtColumn:
            return row->sampledAt;
        case TubeLabelColumn:
            return row->damaged && row->tubeLabel.isEmpty() ? tr("(unreadable)") : row->tubeLabel;
        case PatientNameColumn:
            return row->damaged && row->patientName.isEmpty() ? tr("(unreadable)")
                                                              : row->patientName;
        case BirthDateColumn:
            return row->birthDate;
        case StatusColumn:
            return row->damaged ? damagedText() : statusText(row->status);
        }
        return {};
    case Qt::ToolTipRole:
        if (row->damaged)
            return tr("This record does not decrypt. It is kept aside; an administrator can "
                      "check the store.");
        return {};
    default:
        break;
    }

    // Damaged rows stand out by colour, an icon and their status text.
    if (!row->damaged)
        return {};
    switch (role) {
    case Qt::ForegroundRole:
        return QBrush(QColor(0x8b, 0x00, 0x00));
    case Qt::BackgroundRole:
        return QBrush(QColor(0xfd, 0xe2, 0xe1));
    case Qt::FontRole:
        if (index.column() == StatusColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == StatusColumn &&
            qobject_cast<QApplication*>(QCoreApplication::instance()))
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    default:
        return {};
    }
}

QVariant RecordQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SampledAtColumn:
        return tr("Sampled at");
    case TubeLabelColumn:
        return tr("Tube label");
    case PatientNameColumn:
        return tr("Patient");
    case BirthDateColumn:
        return tr("Born");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}
