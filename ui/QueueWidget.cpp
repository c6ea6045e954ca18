#include "QueueWidget.h"

#include "Feedback.h"
#include "PatientBanner.h"
#include "RecordQueueModel.h"
#include "ui_QueueWidget.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QScrollBar>
#include <QShortcut>

using namespace Qt::StringLiterals;

namespace {

// Item data of the status filter's first entry.
constexpr int AnyStatus = -1;
// Rows of the day filter, in the order of the form.
constexpr int TodayRow = 0;

const QList<RecordStatus> FilterStatuses = {
    RecordStatus::Draft,
    RecordStatus::Sampled,
    RecordStatus::Resulted,
    RecordStatus::Purged,
};

} // namespace

QueueWidget::QueueWidget(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::QueueWidget>())
    , m_model(new RecordQueueModel(this))
{
    m_ui->setupUi(this);
    m_ui->messageLabel->hide();
    m_ui->correctRecordButton->hide();

    m_ui->statusFilterComboBox->addItem(tr("All statuses"), AnyStatus);
    for (RecordStatus status : FilterStatuses)
        m_ui->statusFilterComboBox->addItem(RecordQueueModel::statusText(status), int(status));

    QTableView* view = m_ui->recordsTableView;
    view->setModel(m_model);
    // Fixed row heights and column widths: the view never measures rows, so it asks the
    // model only for the rows on screen, whatever the number of records.
    QHeaderView* rows = view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView* columns = view->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(RecordQueueModel::PatientNameColumn, QHeaderView::Stretch);
    const QFontMetrics metrics = fontMetrics();
    view->setColumnWidth(RecordQueueModel::SampledAtColumn,
                         metrics.horizontalAdvance(u"00/00/0000 00:00 AM"_s) + 24);
    view->setColumnWidth(RecordQueueModel::TubeLabelColumn,
                         metrics.horizontalAdvance(u"CHU75-2020-000000000"_s) + 24);
    int statusWidth = metrics.horizontalAdvance(RecordQueueModel::damagedText());
    for (RecordStatus status : FilterStatuses) {
        statusWidth =
            std::max(statusWidth, metrics.horizontalAdvance(RecordQueueModel::statusText(status)));
    }
    view->setColumnWidth(RecordQueueModel::StatusColumn, statusWidth + 48); // room for the icon
    view->setColumnWidth(RecordQueueModel::BirthDateColumn,
                         metrics.horizontalAdvance(u"00/00/0000"_s) + 24);
    m_ui->queueSplitter->setStretchFactor(0, 3);
    m_ui->queueSplitter->setStretchFactor(1, 1);

    m_detailTimer.setSingleShot(true);
    m_detailTimer.setInterval(300);
    connect(&m_detailTimer, &QTimer::timeout, this, &QueueWidget::showDetailNow);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { m_detailTimer.start(); });
    connect(m_ui->reprintLabelButton, &QPushButton::clicked, this, [this] {
        if (!m_detailId.isNull())
            Q_EMIT reprintRequested(m_detailId, m_detailTube);
    });
    connect(m_ui->correctRecordButton, &QPushButton::clicked, this, [this] {
        if (!m_detailId.isNull())
            Q_EMIT correctionRequested(m_detailId);
    });
    clearDetail();

    connect(view, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const QUuid id = m_model->recordId(index.row());
        if (!id.isNull())
            Q_EMIT recordActivated(id);
    });
    connect(m_ui->dayFilterComboBox, &QComboBox::currentIndexChanged, this,
            &QueueWidget::applyQuery);
    connect(m_ui->statusFilterComboBox, &QComboBox::currentIndexChanged, this,
            &QueueWidget::applyQuery);
    connect(m_ui->searchLineEdit, &QLineEdit::returnPressed, this, &QueueWidget::search);
    connect(m_ui->searchButton, &QPushButton::clicked, this, &QueueWidget::search);
    // Emptying the field (its clear button) ends the search without another Enter.
    connect(m_ui->searchLineEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.trimmed().isEmpty() && !m_searchText.isEmpty())
            search();
    });
    auto* findShortcut = new QShortcut(QKeySequence::Find, this);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_ui->searchLineEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->searchLineEdit->selectAll();
    });

    connect(m_model, &RecordQueueModel::countChanged, this, &QueueWidget::updateCount);
    connect(m_model, &RecordQueueModel::errorOccurred, this, &QueueWidget::showError);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            &QueueWidget::rememberPosition);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueueWidget::restorePosition);
    updateCount(0);
}

QueueWidget::~QueueWidget() = default;

void QueueWidget::setRecordStore(RecordStore* records)
{
    m_model->setRecordStore(records);
    applyQuery();
}

void QueueWidget::refresh()
{
    applyQuery();
}

void QueueWidget::clear()
{
    m_searchText.fill(QChar(u'\0'));
    m_searchText.clear();
    m_currentId = QUuid();
    m_currentRow = -1;
    m_scrollValue = 0;
    {
        const QSignalBlocker blocker(m_ui->searchLineEdit);
        m_ui->searchLineEdit->clear();
    }
    m_model->clear();
    Feedback::clearMessage(m_ui->messageLabel);
    clearDetail();
}

void QueueWidget::setAccess(bool canCorrect, bool seesResults)
{
    m_canCorrect = canCorrect;
    m_seesResults = seesResults;
    m_ui->correctRecordButton->setVisible(canCorrect);
}

void QueueWidget::showMessage(int tone, const QString& text)
{
    Feedback::showMessage(m_ui->messageLabel, Feedback::Tone(tone), text);
}

void QueueWidget::clearDetail()
{
    m_detailTimer.stop();
    m_detailId = QUuid();
    m_detailTube.fill(QChar(u'\0'));
    m_detailTube.clear();
    m_ui->detailBanner->clear();
    m_ui->detailBanner->hide();
    m_ui->detailLabel->setText(tr("Select a record to see it here."));
    m_ui->reprintLabelButton->setEnabled(false);
    m_ui->correctRecordButton->setEnabled(false);
}

void QueueWidget::showDetailNow()
{
    m_detailTimer.stop();
    const QModelIndex current = m_ui->recordsTableView->currentIndex();
    const QUuid id = current.isValid() ? m_model->recordId(current.row()) : QUuid();
    if (id.isNull() || id == m_detailId) {
        if (id.isNull())
            clearDetail();
        return;
    }
    showDetail(id);
}

void QueueWidget::showDetail(const QUuid& id)
{
    clearDetail();
    RecordStore* records = m_model->recordStore();
    SamplingRecord record;
    QString error;
    if (!records || !records->load(id, &record, &error)) {
        m_ui->detailLabel->setText(error);
        return;
    }
    m_detailId = id;
    m_detailTube = record.specimen.accession;
    const QJsonObject json = record.toJson(false);
    m_ui->detailBanner->setPatient(json.value(u"patient"_s).toObject(), record.specimen.collectedAt,
                                   m_today());
    m_ui->detailBanner->show();
    QStringList lines;
    lines.append(tr("Tube: %1").arg(record.specimen.accession));
    lines.append(tr("Status: %1 (version %2)")
                     .arg(RecordQueueModel::statusText(record.status))
                     .arg(record.version));
    if (m_seesResults) {
        lines.append(record.result.value.isEmpty()
                         ? tr("Result: none yet")
                         : tr("Result: %1").arg(RecordQueueModel::resultText(record.result.value)));
    }
    const QString phone = record.contact.mobilePhone.isEmpty() ? record.contact.landlinePhone
                                                               : record.contact.mobilePhone;
    lines.append(tr("Phone: %1").arg(phone.isEmpty() ? tr("none") : phone));
    lines.append(
        tr("E-mail: %1").arg(record.contact.email.isEmpty() ? tr("none") : record.contact.email));
    m_ui->detailLabel->setText(lines.join(u'\n'));
    m_ui->reprintLabelButton->setEnabled(true);
    m_ui->correctRecordButton->setEnabled(m_canCorrect);
}

RecordStore::Query QueueWidget::filterQuery() const
{
    RecordStore::Query query;
    if (m_ui->dayFilterComboBox->currentIndex() == TodayRow)
        query.collectedOn = m_today();
    const int status = m_ui->statusFilterComboBox->currentData().toInt();
    if (status != AnyStatus)
        query.status = RecordStatus(status);
    return query;
}

void QueueWidget::search()
{
    m_searchText = m_ui->searchLineEdit->text().trimmed();
    applyQuery();
    if (m_searchText.isEmpty() || m_model->rowCount() == 0)
        return;
    QTableView* view = m_ui->recordsTableView;
    view->setCurrentIndex(m_model->index(0, 0));
    view->scrollToTop();
    // A tube label names one record: Enter once more opens it.
    if (!m_model->query().tubeLabel.isEmpty())
        view->setFocus(Qt::OtherFocusReason);
}

void QueueWidget::applyQuery()
{
    Feedback::clearMessage(m_ui->messageLabel);
    RecordStore::Query query = filterQuery();
    if (!m_searchText.isEmpty()) {
        // A whole tube label first (a scanner types one and presses Enter), then the start
        // of names and the end of tube labels.
        query.tubeLabel = m_searchText;
        RecordStore* records = m_model->recordStore();
        QString error;
        if (!records || records->count(query, &error) == 0) {
            query.tubeLabel.clear();
            query.search = m_searchText;
        }
    }
    // A new query starts at the top: no position to keep.
    m_newQuery = true;
    m_model->setQuery(query);
    m_newQuery = false;
    m_ui->recordsTableView->scrollToTop();
}

void QueueWidget::updateCount(int count)
{
    if (!m_model->recordStore())
        m_ui->countLabel->setText(tr("No store open"));
    else if (!m_searchText.isEmpty())
        m_ui->countLabel->setText(tr("%n record(s) found", nullptr, count));
    else
        m_ui->countLabel->setText(tr("%n record(s)", nullptr, count));
}

void QueueWidget::showError(const QString& error)
{
    showMessage(int(Feedback::Tone::Error), tr("The queue cannot be read: %1").arg(error));
}

void QueueWidget::rememberPosition()
{
    if (m_newQuery) {
        m_currentId = QUuid();
        m_currentRow = -1;
        m_scrollValue = 0;
        return;
    }
    // The current row is usually on screen, so its page is already fetched.
    const QModelIndex current = m_ui->recordsTableView->currentIndex();
    m_currentRow = current.isValid() ? current.row() : -1;
    m_currentId =
        current.isValid() ? current.data(RecordQueueModel::RecordIdRole).toUuid() : QUuid();
    m_scrollValue = m_ui->recordsTableView->verticalScrollBar()->value();
}

void QueueWidget::restorePosition()
{
    QTableView* view = m_ui->recordsTableView;
    if (m_scrollValue == 0 && m_currentId.isNull())
        return;
    // The scroll bar range follows the new row count once the view has laid out again.
    QMetaObject::invokeMethod(
        this,
        [view, scrollValue = m_scrollValue] { view->verticalScrollBar()->setValue(scrollValue); },
        Qt::QueuedConnection);
    if (m_currentId.isNull())
        return;
    const int row = m_model->rowOf(m_currentId, m_currentRow);
    if (row >= 0) {
        view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
    }
}
