#include "CameraScanDialog.h"

#include "BarcodeDecoder.h"

#include <QCamera>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVBoxLayout>
#include <QVideoFrame>
#include <QVideoSink>

using namespace Qt::StringLiterals;

CameraScanDialog::CameraScanDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Scan with the camera"));
    setObjectName(u"cameraScanDialog"_s);
    auto* layout = new QVBoxLayout(this);
    m_view = new QLabel(this);
    m_view->setObjectName(u"cameraViewLabel"_s);
    m_view->setMinimumSize(640, 360);
    m_view->setAlignment(Qt::AlignCenter);
    m_view->setAccessibleName(tr("Camera picture"));
    m_message = new QLabel(this);
    m_message->setObjectName(u"cameraMessageLabel"_s);
    m_message->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_view);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    if (!hasCamera()) {
        m_view->setText(tr("This computer has no camera."));
        m_message->setText(tr("Use the barcode scanner, or scan an image file instead "
                              "(Scan > Scan an image)."));
        return;
    }
    m_session = std::make_unique<QMediaCaptureSession>();
    m_camera = std::make_unique<QCamera>(QMediaDevices::defaultVideoInput());
    m_sink = std::make_unique<QVideoSink>();
    m_session->setCamera(m_camera.get());
    m_session->setVideoSink(m_sink.get());
    connect(m_sink.get(), &QVideoSink::videoFrameChanged, this, &CameraScanDialog::frameArrived);
    connect(m_camera.get(), &QCamera::errorOccurred, this, [this] {
        m_message->setText(tr("The camera cannot be used: %1").arg(m_camera->errorString()));
    });
    m_message->setText(tr("Hold the tube label or the document's code in front of the camera."));
    m_camera->start();
}

CameraScanDialog::~CameraScanDialog()
{
    if (m_camera)
        m_camera->stop();
}

bool CameraScanDialog::hasCamera()
{
    return !QMediaDevices::videoInputs().isEmpty();
}

void CameraScanDialog::frameArrived(const QVideoFrame& frame)
{
    // Decoded here, on the GUI thread, one frame at a time: a synchronous slot cannot skip
    // the frames that come during a decode, they are delivered after it. The fast ZXing
    // setting keeps each decode short, and a code missed in one frame is read in the next.
    if (!m_text.isEmpty())
        return; // frames already queued when the first code was found
    const QImage image = frame.toImage();
    m_view->setPixmap(QPixmap::fromImage(image).scaled(m_view->size(), Qt::KeepAspectRatio));
    const QList<DecodedBarcode> codes = BarcodeDecoder::decode(image, BarcodeDecoder::Effort::Fast);
    if (!codes.isEmpty()) {
        m_text = codes.first().text;
        accept();
    }
}
