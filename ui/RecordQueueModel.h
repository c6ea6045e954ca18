#pragma once

#include "RecordStore.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QUuid>

// The queue of sampling records as a table, for a view over a store of any size. The row
// count comes from a count query that decrypts nothing; rows are fetched a page at a time
// when the view asks for them, and only the pages kept in a small cache are decrypted
// (tube labels and patient names). Nothing else of the store is ever held in memory.
class RecordQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SampledAtColumn,
        TubeLabelColumn,
        PatientNameColumn,
        BirthDateColumn, // tells namesakes apart
        StatusColumn,
        ColumnCount
    };
    enum Role
    {
        RecordIdRole = Qt::UserRole + 1, // QUuid
        StatusRole,                      // RecordStatus as int
        DamagedRole,                     // bool
    };

    static constexpr int DefaultPageSize = 100;
    static constexpr int DefaultCachedPages = 6;

    explicit RecordQueueModel(QObject* parent = nullptr);
    explicit RecordQueueModel(RecordStore* records, QObject* parent = nullptr);
    ~RecordQueueModel() override;

    // The store's records go away when the session signs out: the model follows them and
    // drops everything it decrypted. Pass the new RecordStore after the next sign-in.
    void setRecordStore(RecordStore* records);
    RecordStore* recordStore() const { return m_records; }

    void setQuery(const RecordStore::Query& query);
    const RecordStore::Query& query() const { return m_query; }

    // Smaller pages for tests; takes effect at the next refresh.
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    void setCachedPages(int pages);

    // Counts again and forgets every fetched page.
    void refresh();
    // Drops every decrypted value and shows no row, until the next refresh() or setQuery()
    // (the session locks).
    void clear();

    QUuid recordId(int row) const;
    // The row of a record, looking only in the page around `hintRow` and the one before it:
    // enough to keep a selection across a refresh without reading the whole queue.
    int rowOf(const QUuid& id, int hintRow) const;

    // Rows decrypted since construction: lets tests check that the model is lazy.
    qint64 decryptedRowCount() const { return m_decryptedRows; }
    QString lastError() const { return m_lastError; }

    static QString statusText(RecordStatus status);
    // A result value (P, N, I, X) in words.
    static QString resultText(const QString& value);
    // What the status column says of a record that does not decrypt.
    static QString damagedText();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // After every refresh: the new number of rows.
    void countChanged(int count);
    // A count or a page could not be read (wording from the store).
    void errorOccurred(const QString& error);

private:
    struct Row
    {
        QUuid id;
        QString sampledAt; // already formatted for display
        QString tubeLabel;
        QString patientName;
        QString birthDate; // already formatted for display
        RecordStatus status = RecordStatus::Draft;
        bool damaged = false;
    };
    struct Page
    {
        int number = 0;
        QList<Row> rows;
    };

    const Row* rowAt(int row) const;
    const Page& fetchPage(int number) const;
    void dropPages();
    void scheduleRefresh();
    void reportError(const QString& error) const;

    QPointer<RecordStore> m_records;
    QMetaObject::Connection m_savedConnection;
    QMetaObject::Connection m_destroyedConnection;
    RecordStore::Query m_query;
    int m_rowCount = 0;
    int m_pageSize = DefaultPageSize;
    int m_cachedPages = DefaultCachedPages;
    // Fetching happens inside data(), which is const: the cache is not the model's state.
    mutable QList<Page> m_pages; // most recently used first
    mutable qint64 m_decryptedRows = 0;
    mutable QString m_lastError;
    // Saves come in batches of hundreds: one refresh for all of them.
    QTimer m_refreshTimer;
    bool m_cleared = false;
};
