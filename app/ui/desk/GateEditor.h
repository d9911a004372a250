#pragma once

#include "core/GateSetup.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace gymgate {

// The technician's form for one gate and its profile (docs/HARDWARE.md): the gate's name, zone,
// direction and fail mode, then the profile's kind, transport and address map. Only the fields
// the kind and transport use are shown. Every edit is checked with GateSetup::checkGate, the
// same rules saving applies; the error is shown below the form and the widget whose
// "gateField" property names the error's field is framed in red.
class GateEditor : public QWidget {
    Q_OBJECT
public:
    explicit GateEditor(GateSetup &setup, QWidget *parent = nullptr);

    void setZones(const QList<GateZoneChoice> &zones);
    // A new gate: turnstile-registers over modbus-tcp 127.0.0.1:502, every other field at its default.
    void newGate();
    void loadGate(const GateConfig &gate);
    // Replaces the profile fields only (name, zone, direction and fail mode stay).
    void loadProfile(const QJsonObject &profile);

    QString gateId() const { return m_gate.id; } // empty for a new gate
    GateConfig gate() const; // the form as a gate; the profile has only the keys its kind and transport use
    QJsonObject profile() const;
    Status check() const;
    bool isValid() const { return m_valid; }
    QString errorText() const;

    // Shows an error that did not come from typing (saving, a profile file): with its field
    // named when `withField`, and marks that field's widget. The form is left as it is.
    void showError(const Error &error, bool withField = false);
    void clearError();
    void refreshSerialPorts();

signals:
    void edited(); // the technician changed a field
    void validityChanged(bool valid);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row {
        QFormLayout *form = nullptr;
        QWidget *field = nullptr;
        const char *label = nullptr; // QT_TR_NOOP source text
        QLabel *labelWidget = nullptr;
    };

    void buildUi();
    void buildRelayGroup();
    void buildRegistersGroup();
    QSpinBox *addSpin(QFormLayout *form, const QString &objectName, const char *field, const char *label, int min,
        int max, const char *suffix = nullptr);
    QComboBox *addCombo(QFormLayout *form, const QString &objectName, const char *field, const char *label);
    void addRow(QFormLayout *form, QWidget *field, const char *label);
    void retranslate();
    void fillChoices();
    void fillTransports();
    void updateVisibleFields();
    void fieldEdited();
    void validate();
    void markField(const QString &field);
    QString kind() const;
    QString transport() const;
    QString device() const;
    static void selectData(QComboBox *combo, const QVariant &data);

    GateSetup &m_setup;
    GateConfig m_gate; // the gate loaded; keeps id and times for saving
    QList<GateZoneChoice> m_zones;
    QList<Row> m_rows;
    QList<QWidget *> m_fields; // every widget with a "gateField"
    bool m_loading = false; // filling the form: check once at the end, not per field
    bool m_valid = false;

    QFormLayout *m_gateForm = nullptr;
    QFormLayout *m_profileForm = nullptr;
    QFormLayout *m_transportForm = nullptr;
    QGroupBox *m_profileGroup = nullptr;
    QGroupBox *m_transportGroup = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_zoneCombo = nullptr;
    QComboBox *m_directionCombo = nullptr;
    QComboBox *m_failModeCombo = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QSpinBox *m_slaveIdSpin = nullptr;
    QSpinBox *m_pollPeriodSpin = nullptr;
    QSpinBox *m_timeoutSpin = nullptr;
    QSpinBox *m_pulseSpin = nullptr;
    QSpinBox *m_passTimeoutSpin = nullptr;
    QComboBox *m_transportCombo = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QWidget *m_deviceRow = nullptr;
    QComboBox *m_deviceCombo = nullptr;
    QToolButton *m_refreshPortsButton = nullptr;
    QComboBox *m_baudCombo = nullptr;
    QComboBox *m_parityCombo = nullptr;
    QComboBox *m_dataBitsCombo = nullptr;
    QComboBox *m_stopBitsCombo = nullptr;
    QComboBox *m_rtsCombo = nullptr;

    QGroupBox *m_relayGroup = nullptr;
    QSpinBox *m_entryCoilSpin = nullptr;
    QSpinBox *m_exitCoilSpin = nullptr;
    QSpinBox *m_entryInputSpin = nullptr;
    QSpinBox *m_exitInputSpin = nullptr;
    QSpinBox *m_fireInputSpin = nullptr;
    QComboBox *m_fireContactCombo = nullptr;
    QSpinBox *m_tamperInputSpin = nullptr;

    QGroupBox *m_registersGroup = nullptr;
    QSpinBox *m_entryPermissionSpin = nullptr;
    QSpinBox *m_exitPermissionSpin = nullptr;
    QSpinBox *m_modeSpin = nullptr;
    QSpinBox *m_passTimeSpin = nullptr;
    QSpinBox *m_entryCounterSpin = nullptr;
    QSpinBox *m_exitCounterSpin = nullptr;
    QSpinBox *m_errorCodeSpin = nullptr;
    QSpinBox *m_sensorsSpin = nullptr;
    QSpinBox *m_fireBitSpin = nullptr;

    QLabel *m_errorLabel = nullptr;
};

} // namespace gymgate
