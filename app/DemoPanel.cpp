#include "DemoPanel.h"

#include "core/GateSupervisor.h"
#include "scan/QrEncoder.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace gymgate {

namespace {

constexpr int ModuleSizePx = 4;

QString field(const QJsonObject &scenario, const char *key)
{
    return scenario.value(QLatin1String(key)).toString();
}

} // namespace

DemoPanel::DemoPanel(
    QJsonArray scenarios, QString defaultGateId, ScanAtGate scan, GateSupervisor &gates, QWidget *parent)
    : QWidget(parent), m_scenarios(std::move(scenarios)), m_defaultGateId(std::move(defaultGateId)),
      m_scan(std::move(scan)), m_gates(gates)
{
    setObjectName(QStringLiteral("demoPanelWidget"));
    setWindowTitle(tr("GymGate demo: member codes"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("scenarioListWidget"));
    const bool chinese = QLocale().language() == QLocale::Chinese;
    for (const QJsonValue &value : std::as_const(m_scenarios)) {
        const QJsonObject scenario = value.toObject();
        const QString description = field(scenario, chinese ? "descriptionZh" : "description");
        m_list->addItem(
            tr("%1 at %2 (expected: %3)").arg(description, field(scenario, "gate"), field(scenario, "reason")));
    }
    m_codeLabel = new QLabel(this);
    m_codeLabel->setObjectName(QStringLiteral("codeImageLabel"));
    m_codeLabel->setMinimumSize(300, 300);
    m_codeLabel->setAlignment(Qt::AlignCenter);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("demoStatusLabel"));
    m_statusLabel->setWordWrap(true);

    auto *presentButton = new QPushButton(tr("Present this code at its gate"), this);
    presentButton->setObjectName(QStringLiteral("presentPushButton"));
    auto *imageButton = new QPushButton(tr("Scan an image file..."), this);
    imageButton->setObjectName(QStringLiteral("openImagePushButton"));
    auto *resetButton = new QPushButton(tr("Reset the emergency (staff)"), this);
    resetButton->setObjectName(QStringLiteral("resetEmergencyPushButton"));
    connect(m_list, &QListWidget::currentRowChanged, this, &DemoPanel::showCode);
    connect(m_list, &QListWidget::itemActivated, this, [this] { present(m_list->currentRow()); });
    connect(presentButton, &QPushButton::clicked, this, [this] { present(m_list->currentRow()); });
    connect(imageButton, &QPushButton::clicked, this, &DemoPanel::openImage);
    connect(resetButton, &QPushButton::clicked, this, &DemoPanel::resetEmergency);

    auto *side = new QVBoxLayout;
    side->addWidget(m_codeLabel);
    side->addWidget(presentButton);
    side->addWidget(imageButton);
    side->addWidget(resetButton);
    side->addWidget(m_statusLabel);
    side->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(side);
    if (!m_scenarios.isEmpty())
        m_list->setCurrentRow(0);
    resize(900, 520);
}

void DemoPanel::showCode(int row)
{
    const QJsonObject scenario = m_scenarios.at(row).toObject();
    Result<QImage> image = QrEncoder::encode(field(scenario, "code"), ModuleSizePx);
    if (image)
        m_codeLabel->setPixmap(QPixmap::fromImage(*image));
    else
        m_codeLabel->setText(image.error().message);
}

bool DemoPanel::present(int row)
{
    if (row < 0 || row >= m_scenarios.size())
        return false;
    const QJsonObject scenario = m_scenarios.at(row).toObject();
    Result<QImage> image = QrEncoder::encode(field(scenario, "code"), ModuleSizePx);
    const std::optional<QString> read = image ? m_decoder.decode(*image) : std::nullopt;
    if (!read) {
        m_statusLabel->setText(tr("The code could not be read back from its image."));
        return false;
    }
    m_statusLabel->setText(tr("Presented at %1.").arg(field(scenario, "gate")));
    m_scan(field(scenario, "gateId"), *read);
    return true;
}

void DemoPanel::openImage()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Scan an image file"), QString(), tr("Images (*.png *.jpg *.jpeg *.bmp)"));
    if (path.isEmpty())
        return;
    Result<QString> text = m_decoder.decodeFile(path);
    if (!text) {
        m_statusLabel->setText(text.error().message);
        return;
    }
    m_statusLabel->setText(tr("Read a code from %1.").arg(QFileInfo(path).fileName()));
    m_scan(m_defaultGateId, *text);
}

void DemoPanel::resetEmergency()
{
    Status reset = m_gates.resetEmergency();
    m_statusLabel->setText(reset ? tr("The emergency is over.") : reset.error().message);
}

} // namespace gymgate
