#pragma once

#include "scan/QrDecoder.h"

#include <QJsonArray>
#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;

namespace gymgate {

class GateSupervisor;

// The demo's "phone": a window beside the kiosk listing the demo scenarios of gymgate-datagen
// (--codes file) with their QR codes. Presenting one renders the code as an image and reads it
// back with the real QR decoder, as a camera at the gate would, then scans it at the scenario's
// gate. It also opens image files and resets an emergency (a staff action in the real desk).
class DemoPanel : public QWidget {
    Q_OBJECT
public:
    // `scan(gateId, text)` scans at a gate; `gates` is for the emergency reset.
    using ScanAtGate = std::function<void(const QString &gateId, const QString &text)>;
    DemoPanel(
        QJsonArray scenarios, QString defaultGateId, ScanAtGate scan, GateSupervisor &gates, QWidget *parent = nullptr);

    // Presents scenario `row` (as the Present button does); false when the decoder could not
    // read the rendered code.
    bool present(int row);

private:
    void showCode(int row);
    void openImage();
    void resetEmergency();

    QJsonArray m_scenarios;
    QString m_defaultGateId;
    ScanAtGate m_scan;
    GateSupervisor &m_gates;
    QrDecoder m_decoder;
    QListWidget *m_list = nullptr;
    QLabel *m_codeLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
};

} // namespace gymgate
