<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccessReason</name>
    <message>
        <source>No decision was made.</source>
        <translation>No decision was made.</translation>
    </message>
    <message>
        <source>Please see the front desk.</source>
        <translation>Please see the front desk.</translation>
    </message>
    <message>
        <source>Welcome! Please go through.</source>
        <translation>Welcome! Please go through.</translation>
    </message>
    <message>
        <source>Walk through the gate now.</source>
        <translation>Walk through the gate now.</translation>
    </message>
    <message>
        <source>Emergency: all gates are open.</source>
        <translation>Emergency: all gates are open.</translation>
    </message>
    <message>
        <source>Leave the building calmly by the nearest exit.</source>
        <translation>Leave the building calmly by the nearest exit.</translation>
    </message>
    <message>
        <source>This code is not a GymGate member code.</source>
        <translation>This code is not a GymGate member code.</translation>
    </message>
    <message>
        <source>Show your member QR code from the app or your member card.</source>
        <translation>Show your member QR code from the app or your member card.</translation>
    </message>
    <message>
        <source>This code was issued by an unknown system.</source>
        <translation>This code was issued by an unknown system.</translation>
    </message>
    <message>
        <source>Please ask the front desk to issue you a new code.</source>
        <translation>Please ask the front desk to issue you a new code.</translation>
    </message>
    <message>
        <source>This code is not genuine.</source>
        <translation>This code is not genuine.</translation>
    </message>
    <message>
        <source>This code has expired.</source>
        <translation>This code has expired.</translation>
    </message>
    <message>
        <source>Refresh the code in the app and scan again.</source>
        <translation>Refresh the code in the app and scan again.</translation>
    </message>
    <message>
        <source>This code is not valid yet.</source>
        <translation>This code is not valid yet.</translation>
    </message>
    <message>
        <source>Check the time on your phone, refresh the code and scan again.</source>
        <translation>Check the time on your phone, refresh the code and scan again.</translation>
    </message>
    <message>
        <source>This code has been replaced by a newer one.</source>
        <translation>This code has been replaced by a newer one.</translation>
    </message>
    <message>
        <source>Use your newest member code, or ask the front desk.</source>
        <translation>Use your newest member code, or ask the front desk.</translation>
    </message>
    <message>
        <source>This code was signed with a withdrawn key.</source>
        <translation>This code was signed with a withdrawn key.</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>This code has already been used.</translation>
    </message>
    <message>
        <source>Plain member numbers are not accepted here.</source>
        <translation>Plain member numbers are not accepted here.</translation>
    </message>
    <message>
        <source>Member not found.</source>
        <translation>Member not found.</translation>
    </message>
    <message>
        <source>Please register at the front desk.</source>
        <translation>Please register at the front desk.</translation>
    </message>
    <message>
        <source>This membership is blocked.</source>
        <translation>This membership is blocked.</translation>
    </message>
    <message>
        <source>This membership was closed.</source>
        <translation>This membership was closed.</translation>
    </message>
    <message>
        <source>This area is closed now.</source>
        <translation>This area is closed now.</translation>
    </message>
    <message>
        <source>Please come back during opening hours.</source>
        <translation>Please come back during opening hours.</translation>
    </message>
    <message>
        <source>This area is closed for maintenance.</source>
        <translation>This area is closed for maintenance.</translation>
    </message>
    <message>
        <source>Please ask the front desk when it reopens.</source>
        <translation>Please ask the front desk when it reopens.</translation>
    </message>
    <message>
        <source>No membership card found.</source>
        <translation>No membership card found.</translation>
    </message>
    <message>
        <source>Please buy a card at the front desk.</source>
        <translation>Please buy a card at the front desk.</translation>
    </message>
    <message>
        <source>Your card has expired.</source>
        <translation>Your card has expired.</translation>
    </message>
    <message>
        <source>Please renew your card at the front desk.</source>
        <translation>Please renew your card at the front desk.</translation>
    </message>
    <message>
        <source>Your card is not valid yet.</source>
        <translation>Your card is not valid yet.</translation>
    </message>
    <message>
        <source>Please check its start date at the front desk.</source>
        <translation>Please check its start date at the front desk.</translation>
    </message>
    <message>
        <source>Your card is frozen.</source>
        <translation>Your card is frozen.</translation>
    </message>
    <message>
        <source>Please unfreeze it at the front desk.</source>
        <translation>Please unfreeze it at the front desk.</translation>
    </message>
    <message>
        <source>Your card is not valid at this time of day.</source>
        <translation>Your card is not valid at this time of day.</translation>
    </message>
    <message>
        <source>Please come back within your card&apos;s hours, or upgrade at the front desk.</source>
        <translation>Please come back within your card&apos;s hours, or upgrade at the front desk.</translation>
    </message>
    <message>
        <source>Your card is not valid for this area.</source>
        <translation>Your card is not valid for this area.</translation>
    </message>
    <message>
        <source>Please ask the front desk which areas your card covers.</source>
        <translation>Please ask the front desk which areas your card covers.</translation>
    </message>
    <message>
        <source>Your card has no visits left.</source>
        <translation>Your card has no visits left.</translation>
    </message>
    <message>
        <source>Please top up or buy a new card at the front desk.</source>
        <translation>Please top up or buy a new card at the front desk.</translation>
    </message>
    <message>
        <source>Your card balance is too low for a visit.</source>
        <translation>Your card balance is too low for a visit.</translation>
    </message>
    <message>
        <source>Please top up at the front desk.</source>
        <translation>Please top up at the front desk.</translation>
    </message>
    <message>
        <source>This area needs a booking, and you have none now.</source>
        <translation>This area needs a booking, and you have none now.</translation>
    </message>
    <message>
        <source>Book a class or a court at the front desk or in the app.</source>
        <translation>Book a class or a court at the front desk or in the app.</translation>
    </message>
    <message>
        <source>You entered a moment ago and have not left yet.</source>
        <translation>You entered a moment ago and have not left yet.</translation>
    </message>
    <message>
        <source>Each code lets one person in. Please see the front desk.</source>
        <translation>Each code lets one person in. Please see the front desk.</translation>
    </message>
    <message>
        <source>You reached today&apos;s entry limit.</source>
        <translation>You reached today&apos;s entry limit.</translation>
    </message>
    <message>
        <source>Please come back tomorrow.</source>
        <translation>Please come back tomorrow.</translation>
    </message>
    <message>
        <source>This area is full right now.</source>
        <translation>This area is full right now.</translation>
    </message>
    <message>
        <source>Please wait a few minutes and scan again.</source>
        <translation>Please wait a few minutes and scan again.</translation>
    </message>
    <message>
        <source>Entered again without leaving (allowed, recorded).</source>
        <translation>Entered again without leaving (allowed, recorded).</translation>
    </message>
    <message>
        <source>Entered with a plain member number (weak).</source>
        <translation>Entered with a plain member number (weak).</translation>
    </message>
    <message>
        <source>Ask the front desk for a member QR code.</source>
        <translation>Ask the front desk for a member QR code.</translation>
    </message>
    <message>
        <source>This gate cannot be reached right now.</source>
        <translation>This gate cannot be reached right now.</translation>
    </message>
    <message>
        <source>Please use another gate or ask the front desk to let you in.</source>
        <translation>Please use another gate or ask the front desk to let you in.</translation>
    </message>
    <message>
        <source>This gate is out of order.</source>
        <translation>This gate is out of order.</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>GymGate: gym access control and front desk.</source>
        <translation>GymGate: gym access control and front desk.</translation>
    </message>
    <message>
        <source>The local database file.</source>
        <translation>The local database file.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>path</translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation>Interface language: zh_CN or en.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>Folder for the rotating diagnostic log.</source>
        <translation>Folder for the rotating diagnostic log.</translation>
    </message>
    <message>
        <source>Diagnostic log level: trace, debug, info, warn, error.</source>
        <translation>Diagnostic log level: trace, debug, info, warn, error.</translation>
    </message>
    <message>
        <source>level</source>
        <translation>level</translation>
    </message>
    <message>
        <source>The gate this controller serves (id or name).</source>
        <translation>The gate this controller serves (id or name).</translation>
    </message>
    <message>
        <source>gate</source>
        <translation>gate</translation>
    </message>
    <message>
        <source>Decision output: text or json (default: text on a terminal, else json).</source>
        <translation>Decision output: text or json (default: text on a terminal, else json).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use zh_CN or en.</source>
        <translation>Unknown language &quot;%1&quot;: use zh_CN or en.</translation>
    </message>
    <message>
        <source>Unknown output format &quot;%1&quot;: use text or json.</source>
        <translation>Unknown output format &quot;%1&quot;: use text or json.</translation>
    </message>
    <message>
        <source>Unknown log level &quot;%1&quot;.</source>
        <translation>Unknown log level &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Run as if it were this time (ISO 8601, e.g. 2026-03-04T10:05:00+08:00); time then runs on. For demos and tests.</source>
        <translation>Run as if it were this time (ISO 8601, e.g. 2026-03-04T10:05:00+08:00); time then runs on. For demos and tests.</translation>
    </message>
    <message>
        <source>time</source>
        <translation>time</translation>
    </message>
    <message>
        <source>The clock must be an ISO 8601 date and time, like 2026-03-04T10:05:00+08:00.</source>
        <translation>The clock must be an ISO 8601 date and time, like 2026-03-04T10:05:00+08:00.</translation>
    </message>
    <message>
        <source>Run the entry controller without a window: codes from serial scanners and standard input, every step on standard output.</source>
        <translation>Run the entry controller without a window: codes from serial scanners and standard input, every step on standard output.</translation>
    </message>
    <message>
        <source>Run the entry kiosk: a full-screen window at the gate (leave with Ctrl+Alt+Q and the PIN).</source>
        <translation>Run the entry kiosk: a full-screen window at the gate (leave with Ctrl+Alt+Q and the PIN).</translation>
    </message>
    <message>
        <source>Show the kiosk in a normal window instead of full screen.</source>
        <translation>Show the kiosk in a normal window instead of full screen.</translation>
    </message>
    <message>
        <source>A serial QR scanner: device, optionally @gate for the gate it serves (e.g. /dev/ttyACM0@Gate 2 or /dev/ttyACM1@&lt;gate id&gt;:out). Repeat for several.</source>
        <translation>A serial QR scanner: device, optionally @gate for the gate it serves (e.g. /dev/ttyACM0@Gate 2 or /dev/ttyACM1@&lt;gate id&gt;:out). Repeat for several.</translation>
    </message>
    <message>
        <source>device[@gate]</source>
        <translation>device[@gate]</translation>
    </message>
    <message>
        <source>Baud rate of the serial scanners (default 9600).</source>
        <translation>Baud rate of the serial scanners (default 9600).</translation>
    </message>
    <message>
        <source>baud</source>
        <translation>baud</translation>
    </message>
    <message>
        <source>Decode every image file put into this folder as a scan (demo and tests).</source>
        <translation>Decode every image file put into this folder as a scan (demo and tests).</translation>
    </message>
    <message>
        <source>Show the demo codes of this gymgate-datagen --codes file beside the kiosk, to present them.</source>
        <translation>Show the demo codes of this gymgate-datagen --codes file beside the kiosk, to present them.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>The scanner baud rate must be a number from 1200 to 921600.</source>
        <translation>The scanner baud rate must be a number from 1200 to 921600.</translation>
    </message>
    <message>
        <source>A scanner needs a device path: %1</source>
        <translation>A scanner needs a device path: %1</translation>
    </message>
    <message>
        <source>Run the front desk: members, cards, bookings, manual check-in, staff (with --kiosk: both windows).</source>
        <translation>Run the front desk: members, cards, bookings, manual check-in, staff (with --kiosk: both windows).</translation>
    </message>
    <message>
        <source>Folder of the data key and the desk signing key (default: the database&apos;s folder).</source>
        <translation>Folder of the data key and the desk signing key (default: the database&apos;s folder).</translation>
    </message>
    <message>
        <source>--headless runs without a window: not with --kiosk or --desk.</source>
        <translation>--headless runs without a window: not with --kiosk or --desk.</translation>
    </message>
    <message>
        <source>The hub credentials file written at enrollment (default: beside the database, &lt;db&gt;.hub.json).</source>
        <translation>The hub credentials file written at enrollment (default: beside the database, &lt;db&gt;.hub.json).</translation>
    </message>
    <message>
        <source>Do not sync with the hub: no network traffic; events wait in the outbox.</source>
        <translation>Do not sync with the hub: no network traffic; events wait in the outbox.</translation>
    </message>
    <message>
        <source>--enroll and --unenroll cannot be given together.</source>
        <translation>--enroll and --unenroll cannot be given together.</translation>
    </message>
    <message>
        <source>--enroll and --unenroll run on their own: not with --kiosk or --desk.</source>
        <translation>--enroll and --unenroll run on their own: not with --kiosk or --desk.</translation>
    </message>
    <message>
        <source>--enroll-code needs --enroll with the hub&apos;s address.</source>
        <translation>--enroll-code needs --enroll with the hub&apos;s address.</translation>
    </message>
    <message>
        <source>--enroll needs the enrollment code: --enroll-code CODE.</source>
        <translation>--enroll needs the enrollment code: --enroll-code CODE.</translation>
    </message>
    <message>
        <source>Unknown device kind &quot;%1&quot;: use desk, kiosk or controller.</source>
        <translation>Unknown device kind &quot;%1&quot;: use desk, kiosk or controller.</translation>
    </message>
    <message>
        <source>Enroll this database with the hub at this address (with --enroll-code), then exit. For a PC without a desk screen; a desk enrolls on its Sync page.</source>
        <translation>Enroll this database with the hub at this address (with --enroll-code), then exit. For a PC without a desk screen; a desk enrolls on its Sync page.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>The enrollment code an admin made on the hub for this device.</source>
        <translation>The enrollment code an admin made on the hub for this device.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>With --enroll: this device&apos;s name on the hub (default: the name given with the code).</source>
        <translation>With --enroll: this device&apos;s name on the hub (default: the name given with the code).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>With --enroll: desk, kiosk or controller (default controller).</source>
        <translation>With --enroll: desk, kiosk or controller (default controller).</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>kind</translation>
    </message>
    <message>
        <source>Forget the hub credentials of this database (its data and queued events stay), then exit.</source>
        <translation>Forget the hub credentials of this database (its data and queued events stay), then exit.</translation>
    </message>
</context>
<context>
    <name>BookingDesk</name>
    <message>
        <source>The member already has a booking at this time.</source>
        <translation>The member already has a booking at this time.</translation>
    </message>
    <message>
        <source>The venue is already taken at this time.</source>
        <translation>The venue is already taken at this time.</translation>
    </message>
    <message>
        <source>The class is full.</source>
        <translation>The class is full.</translation>
    </message>
    <message>
        <source>The venue is fully booked at this time.</source>
        <translation>The venue is fully booked at this time.</translation>
    </message>
    <message>
        <source>The venue is closed for maintenance at this time.</source>
        <translation>The venue is closed for maintenance at this time.</translation>
    </message>
    <message>
        <source>The time is outside the venue&apos;s opening hours.</source>
        <translation>The time is outside the venue&apos;s opening hours.</translation>
    </message>
    <message>
        <source>The time is too far ahead: this venue takes bookings only a limited number of days in advance.</source>
        <translation>The time is too far ahead: this venue takes bookings only a limited number of days in advance.</translation>
    </message>
    <message>
        <source>The member already holds the maximum number of active bookings for this venue.</source>
        <translation>The member already holds the maximum number of active bookings for this venue.</translation>
    </message>
    <message>
        <source>The venue is closed.</source>
        <translation>The venue is closed.</translation>
    </message>
    <message>
        <source>The time has already passed.</source>
        <translation>The time has already passed.</translation>
    </message>
    <message>
        <source>The member is blocked.</source>
        <translation>The member is blocked.</translation>
    </message>
    <message>
        <source>There is no class at this time that week.</source>
        <translation>There is no class at this time that week.</translation>
    </message>
    <message>
        <source>The member is already on the waiting list.</source>
        <translation>The member is already on the waiting list.</translation>
    </message>
    <message>
        <source>There is still a free place: book it instead.</source>
        <translation>There is still a free place: book it instead.</translation>
    </message>
    <message>
        <source>It is too late to cancel: the venue&apos;s cancellation deadline has passed.</source>
        <translation>It is too late to cancel: the venue&apos;s cancellation deadline has passed.</translation>
    </message>
    <message>
        <source>The booking is not active.</source>
        <translation>The booking is not active.</translation>
    </message>
    <message>
        <source>The booking has already started.</source>
        <translation>The booking has already started.</translation>
    </message>
    <message>
        <source>The venue name is missing.</source>
        <translation>The venue name is missing.</translation>
    </message>
    <message>
        <source>Choose the kind of venue.</source>
        <translation>Choose the kind of venue.</translation>
    </message>
    <message>
        <source>The capacity cannot be negative.</source>
        <translation>The capacity cannot be negative.</translation>
    </message>
    <message>
        <source>The fee cannot be negative.</source>
        <translation>The fee cannot be negative.</translation>
    </message>
    <message>
        <source>Advance days must be between 0 and 365.</source>
        <translation>Advance days must be between 0 and 365.</translation>
    </message>
    <message>
        <source>The maximum of active bookings must be between 0 and 1000.</source>
        <translation>The maximum of active bookings must be between 0 and 1000.</translation>
    </message>
    <message>
        <source>Cancel hours must be between 0 and 720.</source>
        <translation>Cancel hours must be between 0 and 720.</translation>
    </message>
    <message>
        <source>The cancel penalty must be between 0 and 100 percent.</source>
        <translation>The cancel penalty must be between 0 and 100 percent.</translation>
    </message>
    <message>
        <source>The course name is missing.</source>
        <translation>The course name is missing.</translation>
    </message>
    <message>
        <source>Choose the venue of the course.</source>
        <translation>Choose the venue of the course.</translation>
    </message>
    <message>
        <source>The duration must be between 1 and 1440 minutes.</source>
        <translation>The duration must be between 1 and 1440 minutes.</translation>
    </message>
    <message>
        <source>The capacity must be at least one.</source>
        <translation>The capacity must be at least one.</translation>
    </message>
    <message>
        <source>The venue does not exist.</source>
        <translation>The venue does not exist.</translation>
    </message>
    <message>
        <source>The course does not exist.</source>
        <translation>The course does not exist.</translation>
    </message>
    <message>
        <source>The class does not exist.</source>
        <translation>The class does not exist.</translation>
    </message>
    <message>
        <source>Choose a class or a venue.</source>
        <translation>Choose a class or a venue.</translation>
    </message>
    <message>
        <source>The booking must end after it starts.</source>
        <translation>The booking must end after it starts.</translation>
    </message>
    <message>
        <source>A venue booking lasts at most one day.</source>
        <translation>A venue booking lasts at most one day.</translation>
    </message>
    <message>
        <source>Choose a member first.</source>
        <translation>Choose a member first.</translation>
    </message>
    <message>
        <source>The member does not exist.</source>
        <translation>The member does not exist.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <source>The range must end after it starts.</source>
        <translation>The range must end after it starts.</translation>
    </message>
    <message>
        <source>Choose the venue status.</source>
        <translation>Choose the venue status.</translation>
    </message>
    <message>
        <source>The venue still has bookings or classes to come; cancel them first.</source>
        <translation>The venue still has bookings or classes to come; cancel them first.</translation>
    </message>
    <message>
        <source>The maintenance must end after it starts.</source>
        <translation>The maintenance must end after it starts.</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) or class(es) fall inside this period; move or cancel them first.</source>
        <translation>
            <numerusform>%n booking or class falls inside this period; move or cancel it first.</numerusform>
            <numerusform>%n bookings or classes fall inside this period; move or cancel them first.</numerusform>
        </translation>
    </message>
    <message>
        <source>The course still has classes to come; delete them first.</source>
        <translation>The course still has classes to come; delete them first.</translation>
    </message>
    <message>
        <source>The class must end after it starts.</source>
        <translation>The class must end after it starts.</translation>
    </message>
    <message>
        <source>A class lasts at most one day.</source>
        <translation>A class lasts at most one day.</translation>
    </message>
    <message>
        <source>The venue holds at most %1 people.</source>
        <translation>The venue holds at most %1 people.</translation>
    </message>
    <message>
        <source>The class overlaps another class in this venue: %1.</source>
        <translation>The class overlaps another class in this venue: %1.</translation>
    </message>
    <message>
        <source>The venue is booked by members at this time.</source>
        <translation>The venue is booked by members at this time.</translation>
    </message>
    <message>
        <source>Members have booked this class; its time cannot change.</source>
        <translation>Members have booked this class; its time cannot change.</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) are booked already; the capacity cannot be lower.</source>
        <translation>
            <numerusform>%n place is booked already; the capacity cannot be lower.</numerusform>
            <numerusform>%n places are booked already; the capacity cannot be lower.</numerusform>
        </translation>
    </message>
    <message>
        <source>Members have booked this class; cancel their bookings first.</source>
        <translation>Members have booked this class; cancel their bookings first.</translation>
    </message>
    <message>
        <source>Book between 1 and %1 weeks.</source>
        <translation>Book between 1 and %1 weeks.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing was booked. These dates conflict:
%1</source>
        <translation>Nothing was booked. These dates conflict:
%1</translation>
    </message>
    <message>
        <source>The waiting list entry</source>
        <translation>The waiting list entry</translation>
    </message>
    <message>
        <source>The booking does not exist.</source>
        <translation>The booking does not exist.</translation>
    </message>
</context>
<context>
    <name>ChangeApplier</name>
    <message>
        <source>The change&apos;s data.publicKey must be a base64 key.</source>
        <translation>The change&apos;s data.publicKey must be a base64 key.</translation>
    </message>
    <message>
        <source>Change %1 of the page is not a JSON object.</source>
        <translation>Change %1 of the page is not a JSON object.</translation>
    </message>
    <message>
        <source>Change %1 of the page has no valid seq (a positive integer).</source>
        <translation>Change %1 of the page has no valid seq (a positive integer).</translation>
    </message>
    <message>
        <source>Change %1 of the page has an unknown entity &quot;%2&quot;.</source>
        <translation>Change %1 of the page has an unknown entity &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Change %1 of the page has no valid id.</source>
        <translation>Change %1 of the page has no valid id.</translation>
    </message>
    <message>
        <source>Change %1 of the page has the op &quot;%2&quot;; it must be upsert or delete.</source>
        <translation>Change %1 of the page has the op &quot;%2&quot;; it must be upsert or delete.</translation>
    </message>
    <message>
        <source>Change %1 of the page (%2 %3) has no data object.</source>
        <translation>Change %1 of the page (%2 %3) has no data object.</translation>
    </message>
    <message>
        <source>Change %1 of the page (%2 %3) is malformed: %4</source>
        <translation>Change %1 of the page (%2 %3) is malformed: %4</translation>
    </message>
    <message>
        <source>Change %1 of the page is for %2 %3 but its data is for %4.</source>
        <translation>Change %1 of the page is for %2 %3 but its data is for %4.</translation>
    </message>
    <message>
        <source>member number</source>
        <translation>member number</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>card number</source>
        <translation>card number</translation>
    </message>
    <message>
        <source>booking number</source>
        <translation>booking number</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>The hub&apos;s %1 %2 was not taken: the %3 is already used here by %1 %4.</source>
        <translation>The hub&apos;s %1 %2 was not taken: the %3 is already used here by %1 %4.</translation>
    </message>
    <message>
        <source>The hub&apos;s %1 %2 was not taken: its member %3 was not taken either.</source>
        <translation>The hub&apos;s %1 %2 was not taken: its member %3 was not taken either.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The hub refused booking %1 of %2: the place was taken at another site first. Please tell the member.</source>
        <translation>The hub refused booking %1 of %2: the place was taken at another site first. Please tell the member.</translation>
    </message>
    <message>
        <source>The hub&apos;s key %1 was not taken: this desk trusts another public key under that id.</source>
        <translation>The hub&apos;s key %1 was not taken: this desk trusts another public key under that id.</translation>
    </message>
    <message>
        <source>The stored sync cursor &quot;%1&quot; is not a number.</source>
        <translation>The stored sync cursor &quot;%1&quot; is not a number.</translation>
    </message>
    <message>
        <source>The page&apos;s next cursor must not be negative.</source>
        <translation>The page&apos;s next cursor must not be negative.</translation>
    </message>
    <message>
        <source>The change&apos;s data.kid is not a valid key id.</source>
        <translation>The change&apos;s data.kid is not a valid key id.</translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <source>A change was logged outside a transaction.</source>
        <translation>A change was logged outside a transaction.</translation>
    </message>
    <message>
        <source>A change without entity, id or operation.</source>
        <translation>A change without entity, id or operation.</translation>
    </message>
</context>
<context>
    <name>CredentialCodec</name>
    <message>
        <source>Only card codes and app tokens can be encoded.</source>
        <translation>Only card codes and app tokens can be encoded.</translation>
    </message>
    <message>
        <source>The member id is not a valid UUID.</source>
        <translation>The member id is not a valid UUID.</translation>
    </message>
    <message>
        <source>The card id is not a valid UUID.</source>
        <translation>The card id is not a valid UUID.</translation>
    </message>
    <message>
        <source>The issue time is out of range.</source>
        <translation>The issue time is out of range.</translation>
    </message>
    <message>
        <source>The expiry time is out of range.</source>
        <translation>The expiry time is out of range.</translation>
    </message>
    <message>
        <source>The nonce must have 8 bytes.</source>
        <translation>The nonce must have 8 bytes.</translation>
    </message>
    <message>
        <source>A key id has 1 to 16 letters, digits, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>A key id has 1 to 16 letters, digits, &apos;_&apos; or &apos;-&apos;.</translation>
    </message>
    <message>
        <source>The code could not be signed.</source>
        <translation>The code could not be signed.</translation>
    </message>
</context>
<context>
    <name>CredentialIssuer</name>
    <message>
        <source>Only card codes and app tokens can be issued.</source>
        <translation>Only card codes and app tokens can be issued.</translation>
    </message>
    <message>
        <source>The validity period is not valid.</source>
        <translation>The validity period is not valid.</translation>
    </message>
</context>
<context>
    <name>Datagen</name>
    <message>
        <source>planning bookings</source>
        <translation>planning bookings</translation>
    </message>
    <message>
        <source>bookings</source>
        <translation>bookings</translation>
    </message>
    <message>
        <source>Cannot write the demo codes file %1: %2</source>
        <translation>Cannot write the demo codes file %1: %2</translation>
    </message>
    <message>
        <source>planning entries</source>
        <translation>planning entries</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>entries</translation>
    </message>
    <message>
        <source>members</source>
        <translation>members</translation>
    </message>
    <message>
        <source>cards</source>
        <translation>cards</translation>
    </message>
    <message>
        <source>member codes</source>
        <translation>member codes</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 of %3</translation>
    </message>
    <message>
        <source>%1: %2 done in %3 ms</source>
        <translation>%1: %2 done in %3 ms</translation>
    </message>
    <message>
        <source>%1: done in %2 ms</source>
        <translation>%1: done in %2 ms</translation>
    </message>
    <message>
        <source>The database refused a statement (%1): %2</source>
        <translation>The database refused a statement (%1): %2</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3.</source>
        <translation>--%1 must be a whole number from %2 to %3.</translation>
    </message>
    <message>
        <source>--now must be an ISO date-time such as 2025-03-01T18:30:00+08:00, not &quot;%1&quot;.</source>
        <translation>--now must be an ISO date-time such as 2025-03-01T18:30:00+08:00, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The SQLite database to create.</source>
        <translation>The SQLite database to create.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>path</translation>
    </message>
    <message>
        <source>Delete an existing database at --db first.</source>
        <translation>Delete an existing database at --db first.</translation>
    </message>
    <message>
        <source>Number of members (default 1000).</source>
        <translation>Number of members (default 1000).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>count</translation>
    </message>
    <message>
        <source>Seed of every random choice (default 1).</source>
        <translation>Seed of every random choice (default 1).</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>Membership cards per member (default 1.5).</source>
        <translation>Membership cards per member (default 1.5).</translation>
    </message>
    <message>
        <source>Class and court bookings per member (default 10).</source>
        <translation>Class and court bookings per member (default 10).</translation>
    </message>
    <message>
        <source>Past rows of the entry log per member (default 20).</source>
        <translation>Past rows of the entry log per member (default 20).</translation>
    </message>
    <message>
        <source>Three-digit site number carried by member, card and booking numbers (default 100).</source>
        <translation>Three-digit site number carried by member, card and booking numbers (default 100).</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>digits</translation>
    </message>
    <message>
        <source>The moment the data is placed around, ISO 8601; without an offset it is the site&apos;s time (default: now, rounded down to the hour).</source>
        <translation>The moment the data is placed around, ISO 8601; without an offset it is the site&apos;s time (default: now, rounded down to the hour).</translation>
    </message>
    <message>
        <source>date-time</source>
        <translation>date-time</translation>
    </message>
    <message>
        <source>Folder of the site data key and the desk signing key (default: the database&apos;s folder).</source>
        <translation>Folder of the site data key and the desk signing key (default: the database&apos;s folder).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dir</translation>
    </message>
    <message>
        <source>Write demo scenarios (code to scan, expected outcome): JSON, or lines for gymgate --headless when the name ends in .txt.</source>
        <translation>Write demo scenarios (code to scan, expected outcome): JSON, or lines for gymgate --headless when the name ends in .txt.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>No progress on standard error.</source>
        <translation>No progress on standard error.</translation>
    </message>
    <message>
        <source>--cards-per-member must be a number from 0 to 10.</source>
        <translation>--cards-per-member must be a number from 0 to 10.</translation>
    </message>
    <message>
        <source>At most %1 cards fit the seven-digit card numbers.</source>
        <translation>At most %1 cards fit the seven-digit card numbers.</translation>
    </message>
    <message>
        <source>At most %1 bookings fit the eight-digit booking numbers.</source>
        <translation>At most %1 bookings fit the eight-digit booking numbers.</translation>
    </message>
    <message>
        <source>--seed must be a whole number from 0 to 18446744073709551615.</source>
        <translation>--seed must be a whole number from 0 to 18446744073709551615.</translation>
    </message>
    <message>
        <source>--site-number must be exactly three digits, e.g. 100.</source>
        <translation>--site-number must be exactly three digits, e.g. 100.</translation>
    </message>
    <message>
        <source>--db is required: the database file to create.</source>
        <translation>--db is required: the database file to create.</translation>
    </message>
    <message>
        <source>Builds a realistic GymGate site database of any size, the same for the same seed.</source>
        <translation>Builds a realistic GymGate site database of any size, the same for the same seed.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; see --help.</source>
        <translation>Unexpected argument &quot;%1&quot;; see --help.</translation>
    </message>
    <message>
        <source>The database %1 already exists. Use --force to delete it and generate a new one.</source>
        <translation>The database %1 already exists. Use --force to delete it and generate a new one.</translation>
    </message>
    <message>
        <source>Cannot delete the database %1.</source>
        <translation>Cannot delete the database %1.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Cannot create the folder %1.</translation>
    </message>
    <message>
        <source>Cannot create the key folder %1.</source>
        <translation>Cannot create the key folder %1.</translation>
    </message>
    <message>
        <source>indexes</source>
        <translation>indexes</translation>
    </message>
    <message>
        <source>Modbus TCP port of the gate controller on this machine; gate N is slave N (default 1502).</source>
        <translation>Modbus TCP port of the gate controller on this machine; gate N is slave N (default 1502).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
</context>
<context>
    <name>DbTool</name>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>File size: %1 bytes</source>
        <translation>File size: %1 bytes</translation>
    </message>
    <message>
        <source>Schema version: %1 (this program: %2)</source>
        <translation>Schema version: %1 (this program: %2)</translation>
    </message>
    <message>
        <source>Tables: %1</source>
        <translation>Tables: %1</translation>
    </message>
    <message>
        <source>The database is up to date at schema version %1.</source>
        <translation>The database is up to date at schema version %1.</translation>
    </message>
    <message>
        <source>Migrated from schema version %1 to %2.</source>
        <translation>Migrated from schema version %1 to %2.</translation>
    </message>
    <message>
        <source>Backup of the old file: %1</source>
        <translation>Backup of the old file: %1</translation>
    </message>
    <message>
        <source>audit chain BROKEN at seq %1 (%2 entries intact before it)</source>
        <translation>audit chain BROKEN at seq %1 (%2 entries intact before it)</translation>
    </message>
    <message>
        <source>audit chain intact: %1 entries</source>
        <translation>audit chain intact: %1 entries</translation>
    </message>
    <message>
        <source>Backup written to %1.</source>
        <translation>Backup written to %1.</translation>
    </message>
    <message>
        <source>Inspect, migrate, check and back up a GymGate local database.</source>
        <translation>Inspect, migrate, check and back up a GymGate local database.</translation>
    </message>
    <message>
        <source>The database file.</source>
        <translation>The database file.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>path</translation>
    </message>
    <message>
        <source>info | migrate | verify-audit | integrity | backup &lt;target&gt;</source>
        <translation>info | migrate | verify-audit | integrity | backup &lt;target&gt;</translation>
    </message>
    <message>
        <source>Name a command: info, migrate, verify-audit, integrity or backup &lt;target&gt;.</source>
        <translation>Name a command: info, migrate, verify-audit, integrity or backup &lt;target&gt;.</translation>
    </message>
    <message>
        <source>Give the database file with --db &lt;path&gt;.</source>
        <translation>Give the database file with --db &lt;path&gt;.</translation>
    </message>
    <message>
        <source>backup needs exactly one target file.</source>
        <translation>backup needs exactly one target file.</translation>
    </message>
    <message>
        <source>Unknown command or wrong arguments: %1</source>
        <translation>Unknown command or wrong arguments: %1</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <source>Enrolled. The other pages show times in the site&apos;s time zone (%1) after GymGate restarts.</source>
        <translation>Enrolled. The other pages show times in the site&apos;s time zone (%1) after GymGate restarts.</translation>
    </message>
</context>
<context>
    <name>DeskShots</name>
    <message>
        <source>Saves a PNG of every front desk screen on a copy of a demo gym.</source>
        <translation>Saves a PNG of every front desk screen on a copy of a demo gym.</translation>
    </message>
    <message>
        <source>The gym made by gymgate-datagen (its folder holds data.key and signing.key).</source>
        <translation>The gym made by gymgate-datagen (its folder holds data.key and signing.key).</translation>
    </message>
    <message>
        <source>Directory for the PNG files.</source>
        <translation>Directory for the PNG files.</translation>
    </message>
    <message>
        <source>Window size, WIDTHxHEIGHT.</source>
        <translation>Window size, WIDTHxHEIGHT.</translation>
    </message>
    <message>
        <source>Site language (zh_CN or en).</source>
        <translation>Site language (zh_CN or en).</translation>
    </message>
    <message>
        <source>The time the desk runs at, ISO 8601 (the --now given to gymgate-datagen).</source>
        <translation>The time the desk runs at, ISO 8601 (the --now given to gymgate-datagen).</translation>
    </message>
    <message>
        <source>Bad --db, --size, --lang or --clock (see --help).</source>
        <translation>Bad --db, --size, --lang or --clock (see --help).</translation>
    </message>
    <message>
        <source>Cannot copy %1</source>
        <translation>Cannot copy %1</translation>
    </message>
    <message>
        <source>The gym has no card products.</source>
        <translation>The gym has no card products.</translation>
    </message>
    <message>
        <source>No class could be booked.</source>
        <translation>No class could be booked.</translation>
    </message>
    <message>
        <source>No member %1 in this gym.</source>
        <translation>No member %1 in this gym.</translation>
    </message>
    <message>
        <source>The page %1 is not shown.</source>
        <translation>The page %1 is not shown.</translation>
    </message>
</context>
<context>
    <name>DeviceModule</name>
    <message>
        <source>Too many attempts; wait a minute and try again.</source>
        <translation>Too many attempts; wait a minute and try again.</translation>
    </message>
    <message>
        <source>The enrollment code is unknown, used or expired.</source>
        <translation>The enrollment code is unknown, used or expired.</translation>
    </message>
    <message>
        <source>Unknown or revoked device, or wrong device secret.</source>
        <translation>Unknown or revoked device, or wrong device secret.</translation>
    </message>
    <message>
        <source>No site %1.</source>
        <translation>No site %1.</translation>
    </message>
    <message>
        <source>The field &quot;number&quot; must be 1 to 8 digits.</source>
        <translation>The field &quot;number&quot; must be 1 to 8 digits.</translation>
    </message>
    <message>
        <source>The field &quot;timezone&quot; must be an IANA time zone such as Asia/Shanghai.</source>
        <translation>The field &quot;timezone&quot; must be an IANA time zone such as Asia/Shanghai.</translation>
    </message>
    <message>
        <source>Another site has the number %1.</source>
        <translation>Another site has the number %1.</translation>
    </message>
    <message>
        <source>The field &quot;signingPublicKey&quot; must be the base64 of a 32-byte Ed25519 public key.</source>
        <translation>The field &quot;signingPublicKey&quot; must be the base64 of a 32-byte Ed25519 public key.</translation>
    </message>
    <message>
        <source>The field &quot;signingKid&quot; must be 1 to 16 characters of A-Z, a-z, 0-9, _ and -.</source>
        <translation>The field &quot;signingKid&quot; must be 1 to 16 characters of A-Z, a-z, 0-9, _ and -.</translation>
    </message>
    <message>
        <source>The field &quot;siteId&quot; names no site (%1).</source>
        <translation>The field &quot;siteId&quot; names no site (%1).</translation>
    </message>
    <message>
        <source>The field &quot;kind&quot; must be desk, kiosk or controller.</source>
        <translation>The field &quot;kind&quot; must be desk, kiosk or controller.</translation>
    </message>
    <message>
        <source>The key id %1 is taken already.</source>
        <translation>The key id %1 is taken already.</translation>
    </message>
    <message>
        <source>No device %1.</source>
        <translation>No device %1.</translation>
    </message>
    <message>
        <source>The device %1 is revoked already.</source>
        <translation>The device %1 is revoked already.</translation>
    </message>
    <message>
        <source>A member may only get an entry token for themselves.</source>
        <translation>A member may only get an entry token for themselves.</translation>
    </message>
    <message>
        <source>No member %1.</source>
        <translation>No member %1.</translation>
    </message>
    <message>
        <source>The member is blocked and gets no entry token.</source>
        <translation>The member is blocked and gets no entry token.</translation>
    </message>
    <message>
        <source>No credential %1.</source>
        <translation>No credential %1.</translation>
    </message>
    <message>
        <source>The credential %1 is revoked already.</source>
        <translation>The credential %1 is revoked already.</translation>
    </message>
</context>
<context>
    <name>EnrollCommand</name>
    <message>
        <source>gymgate: %1</source>
        <translation>gymgate: %1</translation>
    </message>
    <message>
        <source>gymgate: %1 (%2)</source>
        <translation>gymgate: %1 (%2)</translation>
    </message>
    <message>
        <source>This database is no longer enrolled; its data and queued events stay.</source>
        <translation>This database is no longer enrolled; its data and queued events stay.</translation>
    </message>
    <message>
        <source>Enrolled as %1 (%2) at site %3 (%4) of the hub %5. Credentials: %6</source>
        <translation>Enrolled as %1 (%2) at site %3 (%4) of the hub %5. Credentials: %6</translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <source>The hub address must be http:// or https:// with a host name and an optional port, without a path, for example https://hub.example.com:8443.</source>
        <translation>The hub address must be http:// or https:// with a host name and an optional port, without a path, for example https://hub.example.com:8443.</translation>
    </message>
    <message>
        <source>The hub&apos;s answer could not be read.</source>
        <translation>The hub&apos;s answer could not be read.</translation>
    </message>
    <message>
        <source>The phone number of member %1 cannot be read with this desk&apos;s data key.</source>
        <translation>The phone number of member %1 cannot be read with this desk&apos;s data key.</translation>
    </message>
    <message>
        <source>The member</source>
        <translation>The member</translation>
    </message>
    <message>
        <source>The queued event</source>
        <translation>The queued event</translation>
    </message>
    <message>
        <source>Enter the enrollment code the hub administrator gave you.</source>
        <translation>Enter the enrollment code the hub administrator gave you.</translation>
    </message>
</context>
<context>
    <name>EntryService</name>
    <message>
        <source>There is no gate %1.</source>
        <translation>There is no gate %1.</translation>
    </message>
    <message>
        <source>The lane id &quot;%1&quot; is empty or used twice.</source>
        <translation>The lane id &quot;%1&quot; is empty or used twice.</translation>
    </message>
    <message>
        <source>A lane leads in or out.</source>
        <translation>A lane leads in or out.</translation>
    </message>
    <message>
        <source>The connection to the gate was lost.</source>
        <translation>The connection to the gate was lost.</translation>
    </message>
    <message>
        <source>There is no lane %1.</source>
        <translation>There is no lane %1.</translation>
    </message>
    <message>
        <source>Please wait until the person before you has gone through.</source>
        <translation>Please wait until the person before you has gone through.</translation>
    </message>
    <message>
        <source>The gate has no driver.</source>
        <translation>The gate has no driver.</translation>
    </message>
    <message>
        <source>The gate did not answer the open command.</source>
        <translation>The gate did not answer the open command.</translation>
    </message>
    <message>
        <source>Choose the member to let in.</source>
        <translation>Choose the member to let in.</translation>
    </message>
    <message>
        <source>Say why the member is let in by hand.</source>
        <translation>Say why the member is let in by hand.</translation>
    </message>
    <message>
        <source>Please wait until the person before has gone through.</source>
        <translation>Please wait until the person before has gone through.</translation>
    </message>
</context>
<context>
    <name>EntryStation</name>
    <message>
        <source>The database %1 does not exist. Create a demo gym with gymgate-datagen first.</source>
        <translation>The database %1 does not exist. Create a demo gym with gymgate-datagen first.</translation>
    </message>
    <message>
        <source>The site time zone setting is not a valid time zone.</source>
        <translation>The site time zone setting is not a valid time zone.</translation>
    </message>
    <message>
        <source>No gate &quot;%1&quot; in this database.</source>
        <translation>No gate &quot;%1&quot; in this database.</translation>
    </message>
    <message>
        <source>No entry gate is configured in this database.</source>
        <translation>No entry gate is configured in this database.</translation>
    </message>
    <message>
        <source>No gate &quot;%1&quot; for the scanner %2.</source>
        <translation>No gate &quot;%1&quot; for the scanner %2.</translation>
    </message>
</context>
<context>
    <name>EventApplier</name>
    <message>
        <source>The hub knows no %1 with the id in %2.</source>
        <translation>The hub knows no %1 with the id in %2.</translation>
    </message>
    <message>
        <source>The event type %1 is unknown to this hub.</source>
        <translation>The event type %1 is unknown to this hub.</translation>
    </message>
    <message>
        <source>The event&apos;s data.birthday must be a date (YYYY-MM-DD).</source>
        <translation>The event&apos;s data.birthday must be a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Another member has the number in data.memberNo.</source>
        <translation>Another member has the number in data.memberNo.</translation>
    </message>
    <message>
        <source>Another member has the phone number in data.phoneHash.</source>
        <translation>Another member has the phone number in data.phoneHash.</translation>
    </message>
    <message>
        <source>Another card has the number in data.cardNo.</source>
        <translation>Another card has the number in data.cardNo.</translation>
    </message>
    <message>
        <source>Another sale has the receipt number in data.receiptNo.</source>
        <translation>Another sale has the receipt number in data.receiptNo.</translation>
    </message>
    <message>
        <source>The event&apos;s data.endMs must be after data.startMs.</source>
        <translation>The event&apos;s data.endMs must be after data.startMs.</translation>
    </message>
    <message>
        <source>Another booking has the number in data.bookingNo.</source>
        <translation>Another booking has the number in data.bookingNo.</translation>
    </message>
    <message>
        <source>Booking %1 is over the capacity of its class or venue, or overlaps another booking; it was stored as rejected and the member is told.</source>
        <translation>Booking %1 is over the capacity of its class or venue, or overlaps another booking; it was stored as rejected and the member is told.</translation>
    </message>
</context>
<context>
    <name>FeedbackModule</name>
    <message>
        <source>&quot;%1&quot; must be one of: %2.</source>
        <translation>&quot;%1&quot; must be one of: %2.</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; is not accepted here.</source>
        <translation>The parameter &quot;%1&quot; is not accepted here.</translation>
    </message>
    <message>
        <source>There is no feedback with this id.</source>
        <translation>There is no feedback with this id.</translation>
    </message>
    <message>
        <source>There is no FAQ entry with this id.</source>
        <translation>There is no FAQ entry with this id.</translation>
    </message>
    <message>
        <source>This feedback has been answered already.</source>
        <translation>This feedback has been answered already.</translation>
    </message>
    <message>
        <source>The body names no field to change.</source>
        <translation>The body names no field to change.</translation>
    </message>
</context>
<context>
    <name>FieldCipher</name>
    <message>
        <source>Cannot read the data key file %1: %2</source>
        <translation>Cannot read the data key file %1: %2</translation>
    </message>
    <message>
        <source>The data key file %1 is damaged: it must hold exactly %2 bytes. Restore it from a backup; without it the encrypted phone numbers cannot be read.</source>
        <translation>The data key file %1 is damaged: it must hold exactly %2 bytes. Restore it from a backup; without it the encrypted phone numbers cannot be read.</translation>
    </message>
    <message>
        <source>A data key has %1 bytes, not %2.</source>
        <translation>A data key has %1 bytes, not %2.</translation>
    </message>
    <message>
        <source>The crypto library failed to start.</source>
        <translation>The crypto library failed to start.</translation>
    </message>
    <message>
        <source>The encrypted field is too short.</source>
        <translation>The encrypted field is too short.</translation>
    </message>
    <message>
        <source>The encrypted field is damaged or belongs to another data key.</source>
        <translation>The encrypted field is damaged or belongs to another data key.</translation>
    </message>
</context>
<context>
    <name>GateCtl</name>
    <message>
        <source>--%1 must be a number from %2 to %3: %4</source>
        <translation>--%1 must be a number from %2 to %3: %4</translation>
    </message>
    <message>
        <source>cannot read profile %1: %2</source>
        <translation>cannot read profile %1: %2</translation>
    </message>
    <message>
        <source>profile %1: %2 (field &quot;%3&quot;)</source>
        <translation>profile %1: %2 (field &quot;%3&quot;)</translation>
    </message>
    <message>
        <source>profile %1: gatectl speaks Modbus only, not serial-text</source>
        <translation>profile %1: gatectl speaks Modbus only, not serial-text</translation>
    </message>
    <message>
        <source>--map must be turnstile or relay: %1</source>
        <translation>--map must be turnstile or relay: %1</translation>
    </message>
    <message>
        <source>--tcp must look like HOST:PORT: %1</source>
        <translation>--tcp must look like HOST:PORT: %1</translation>
    </message>
    <message>
        <source>--rs485-rts must be none, up or down: %1</source>
        <translation>--rs485-rts must be none, up or down: %1</translation>
    </message>
    <message>
        <source>--parity must be N, E or O: %1</source>
        <translation>--parity must be N, E or O: %1</translation>
    </message>
    <message>
        <source>give either --tcp or --rtu, not both</source>
        <translation>give either --tcp or --rtu, not both</translation>
    </message>
    <message>
        <source>say where the gate is: --tcp HOST:PORT, --rtu DEVICE or --profile FILE</source>
        <translation>say where the gate is: --tcp HOST:PORT, --rtu DEVICE or --profile FILE</translation>
    </message>
    <message>
        <source>--from must not be above --to</source>
        <translation>--from must not be above --to</translation>
    </message>
    <message>
        <source>Talks to a GymGate gate controller over Modbus, for technicians.</source>
        <translation>Talks to a GymGate gate controller over Modbus, for technicians.</translation>
    </message>
    <message>
        <source>Modbus TCP gate at HOST:PORT.</source>
        <translation>Modbus TCP gate at HOST:PORT.</translation>
    </message>
    <message>
        <source>Modbus RTU gate on serial DEVICE.</source>
        <translation>Modbus RTU gate on serial DEVICE.</translation>
    </message>
    <message>
        <source>RTU baud rate (default 9600).</source>
        <translation>RTU baud rate (default 9600).</translation>
    </message>
    <message>
        <source>RTU parity: N, E or O (default N).</source>
        <translation>RTU parity: N, E or O (default N).</translation>
    </message>
    <message>
        <source>RTU data bits: 7 or 8 (default 8).</source>
        <translation>RTU data bits: 7 or 8 (default 8).</translation>
    </message>
    <message>
        <source>RTU stop bits: 1 or 2 (default 1).</source>
        <translation>RTU stop bits: 1 or 2 (default 1).</translation>
    </message>
    <message>
        <source>RS-485 RTS control: none, up or down.</source>
        <translation>RS-485 RTS control: none, up or down.</translation>
    </message>
    <message>
        <source>Modbus slave id (default 1).</source>
        <translation>Modbus slave id (default 1).</translation>
    </message>
    <message>
        <source>Response timeout in ms (default 500).</source>
        <translation>Response timeout in ms (default 500).</translation>
    </message>
    <message>
        <source>Gate profile JSON file.</source>
        <translation>Gate profile JSON file.</translation>
    </message>
    <message>
        <source>Register map: turnstile or relay (default turnstile).</source>
        <translation>Register map: turnstile or relay (default turnstile).</translation>
    </message>
    <message>
        <source>scan: first slave id (default 1).</source>
        <translation>scan: first slave id (default 1).</translation>
    </message>
    <message>
        <source>scan: last slave id (default 247).</source>
        <translation>scan: last slave id (default 247).</translation>
    </message>
    <message>
        <source>read: print values in hexadecimal.</source>
        <translation>read: print values in hexadecimal.</translation>
    </message>
    <message>
        <source>open: number of passes (default 1).</source>
        <translation>open: number of passes (default 1).</translation>
    </message>
    <message>
        <source>watch, monitor: stop after N lines.</source>
        <translation>watch, monitor: stop after N lines.</translation>
    </message>
    <message>
        <source>watch, monitor: print only lines that changed.</source>
        <translation>watch, monitor: print only lines that changed.</translation>
    </message>
    <message>
        <source>probe | scan | read coils|inputs|holding|input-registers ADDRESS [COUNT] | write coil|holding ADDRESS VALUE | open in|out | watch | monitor | selftest</source>
        <translation>probe | scan | read coils|inputs|holding|input-registers ADDRESS [COUNT] | write coil|holding ADDRESS VALUE | open in|out | watch | monitor | selftest</translation>
    </message>
    <message>
        <source>no command given; try --help</source>
        <translation>no command given; try --help</translation>
    </message>
    <message>
        <source>%1 must be a number from 0 to %2: %3</source>
        <translation>%1 must be a number from 0 to %2: %3</translation>
    </message>
    <message>
        <source>unknown command: %1</source>
        <translation>unknown command: %1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>probe</translation>
    </message>
    <message>
        <source>OK %1 slave %2 answered in %3 ms</source>
        <translation>OK %1 slave %2 answered in %3 ms</translation>
    </message>
    <message>
        <source>scan</source>
        <translation>scan</translation>
    </message>
    <message>
        <source>scanning slave %1 of %2-%3</source>
        <translation>scanning slave %1 of %2-%3</translation>
    </message>
    <message>
        <source>slave %1 answered</source>
        <translation>slave %1 answered</translation>
    </message>
    <message numerus="yes">
        <source>%n slave(s) answered</source>
        <translation>
            <numerusform>%n slave answered</numerusform>
            <numerusform>%n slaves answered</numerusform>
        </translation>
    </message>
    <message>
        <source>usage: read coils|inputs|holding|input-registers ADDRESS [COUNT]</source>
        <translation>usage: read coils|inputs|holding|input-registers ADDRESS [COUNT]</translation>
    </message>
    <message>
        <source>COUNT must be at least 1</source>
        <translation>COUNT must be at least 1</translation>
    </message>
    <message>
        <source>read</source>
        <translation>read</translation>
    </message>
    <message>
        <source>usage: write coil ADDRESS 0|1, or write holding ADDRESS VALUE</source>
        <translation>usage: write coil ADDRESS 0|1, or write holding ADDRESS VALUE</translation>
    </message>
    <message>
        <source>write</source>
        <translation>write</translation>
    </message>
    <message>
        <source>OK wrote %1 to %2 %3</source>
        <translation>OK wrote %1 to %2 %3</translation>
    </message>
    <message>
        <source>usage: open in|out [--passes N]</source>
        <translation>usage: open in|out [--passes N]</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>open interrupted after %1 passage(s); the gate was closed again</source>
        <translation>open interrupted after %1 passage(s); the gate was closed again</translation>
    </message>
    <message>
        <source>TIMEOUT %1: %2 of %3 passed within %4 ms</source>
        <translation>TIMEOUT %1: %2 of %3 passed within %4 ms</translation>
    </message>
    <message>
        <source>PASSED %1: %2 passage(s)</source>
        <translation>PASSED %1: %2 passage(s)</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>watch</translation>
    </message>
    <message>
        <source>monitor</source>
        <translation>monitor</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>PASS</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FAIL</translation>
    </message>
    <message>
        <source>selftest PASS</source>
        <translation>selftest PASS</translation>
    </message>
    <message numerus="yes">
        <source>selftest FAIL (%n step(s) failed)</source>
        <translation>
            <numerusform>selftest FAIL (%n step failed)</numerusform>
            <numerusform>selftest FAIL (%n steps failed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GateDiagnostics</name>
    <message>
        <source>gate diagnostics need a relay or turnstile-registers profile, not %1</source>
        <translation>gate diagnostics need a relay or turnstile-registers profile, not %1</translation>
    </message>
    <message>
        <source>gate diagnostics need a modbus-tcp or modbus-rtu transport, not %1</source>
        <translation>gate diagnostics need a modbus-tcp or modbus-rtu transport, not %1</translation>
    </message>
    <message>
        <source>not connected to %1</source>
        <translation>not connected to %1</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>cannot connect to %1: %2</translation>
    </message>
    <message>
        <source>slave %1 at %2 did not answer within %3 ms (%4)</source>
        <translation>slave %1 at %2 did not answer within %3 ms (%4)</translation>
    </message>
    <message>
        <source>slave %1 at %2 answered with an exception (%3)</source>
        <translation>slave %1 at %2 answered with an exception (%3)</translation>
    </message>
    <message>
        <source>unknown Modbus table</source>
        <translation>unknown Modbus table</translation>
    </message>
    <message>
        <source>no gate mode given</source>
        <translation>no gate mode given</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>connect</translation>
    </message>
    <message>
        <source>read inputs</source>
        <translation>read inputs</translation>
    </message>
    <message>
        <source>fire input inactive</source>
        <translation>fire input inactive</translation>
    </message>
    <message>
        <source>fire alarm is active</source>
        <translation>fire alarm is active</translation>
    </message>
    <message>
        <source>open entry and passage</source>
        <translation>open entry and passage</translation>
    </message>
    <message>
        <source>nobody passed within %1 ms</source>
        <translation>nobody passed within %1 ms</translation>
    </message>
    <message>
        <source>entry counter advanced</source>
        <translation>entry counter advanced</translation>
    </message>
    <message>
        <source>%1 -&gt; %2</source>
        <translation>%1 -&gt; %2</translation>
    </message>
    <message>
        <source>entry-input=%1 exit-input=%2 fire=%3 tamper=%4</source>
        <translation>entry-input=%1 exit-input=%2 fire=%3 tamper=%4</translation>
    </message>
    <message>
        <source>entries=%1 exits=%2 error=%3 sensors=0x%4 fire=%5</source>
        <translation>entries=%1 exits=%2 error=%3 sensors=0x%4 fire=%5</translation>
    </message>
</context>
<context>
    <name>GateDriver</name>
    <message>
        <source>Modbus %1 failed: %2</source>
        <translation>Modbus %1 failed: %2</translation>
    </message>
    <message>
        <source>Modbus address %1 (count %2) is out of range</source>
        <translation>Modbus address %1 (count %2) is out of range</translation>
    </message>
    <message>
        <source>The gate is not connected; the command was not sent.</source>
        <translation>The gate is not connected; the command was not sent.</translation>
    </message>
    <message>
        <source>Lost the connection to the gate: %1</source>
        <translation>Lost the connection to the gate: %1</translation>
    </message>
    <message>
        <source>The turnstile controller reports error code %1.</source>
        <translation>The turnstile controller reports error code %1.</translation>
    </message>
    <message>
        <source>Could not send a command to the gate: %1</source>
        <translation>Could not send a command to the gate: %1</translation>
    </message>
    <message>
        <source>The gate reports an error: %1</source>
        <translation>The gate reports an error: %1</translation>
    </message>
    <message>
        <source>The serial link to the gate was lost: no permission to use %1.</source>
        <translation>The serial link to the gate was lost: no permission to use %1.</translation>
    </message>
    <message>
        <source>The serial link to the gate was lost: %1 hung up.</source>
        <translation>The serial link to the gate was lost: %1 hung up.</translation>
    </message>
    <message>
        <source>The serial link to the gate was lost: %1 was removed or stopped working.</source>
        <translation>The serial link to the gate was lost: %1 was removed or stopped working.</translation>
    </message>
</context>
<context>
    <name>GateProfile</name>
    <message>
        <source>The %1 is missing.</source>
        <translation>The %1 is missing.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;; the keys allowed here are: %2.</source>
        <translation>Unknown key &quot;%1&quot;; the keys allowed here are: %2.</translation>
    </message>
    <message>
        <source>The %1 must be a whole number; %2 is not.</source>
        <translation>The %1 must be a whole number; %2 is not.</translation>
    </message>
    <message>
        <source>%1 is out of range for the %2; use %3 to %4.</source>
        <translation>%1 is out of range for the %2; use %3 to %4.</translation>
    </message>
    <message>
        <source>The %1 must be a text in quotes; %2 is not.</source>
        <translation>The %1 must be a text in quotes; %2 is not.</translation>
    </message>
    <message>
        <source>%1 is not a valid %2; use one of %3.</source>
        <translation>%1 is not a valid %2; use one of %3.</translation>
    </message>
    <message>
        <source>The %1 must not be empty; %2 was given.</source>
        <translation>The %1 must not be empty; %2 was given.</translation>
    </message>
    <message>
        <source>The %1 must be a JSON object; %2 is not.</source>
        <translation>The %1 must be a JSON object; %2 is not.</translation>
    </message>
    <message>
        <source>baud rate</source>
        <translation>baud rate</translation>
    </message>
    <message>
        <source>Baud rate %1 is not supported; use one of %2.</source>
        <translation>Baud rate %1 is not supported; use one of %2.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host</translation>
    </message>
    <message>
        <source>TCP port</source>
        <translation>TCP port</translation>
    </message>
    <message>
        <source>parity</source>
        <translation>parity</translation>
    </message>
    <message>
        <source>serial device</source>
        <translation>serial device</translation>
    </message>
    <message>
        <source>number of data bits</source>
        <translation>number of data bits</translation>
    </message>
    <message>
        <source>number of stop bits</source>
        <translation>number of stop bits</translation>
    </message>
    <message>
        <source>RS-485 RTS mode</source>
        <translation>RS-485 RTS mode</translation>
    </message>
    <message>
        <source>transport</source>
        <translation>transport</translation>
    </message>
    <message>
        <source>transport type</source>
        <translation>transport type</translation>
    </message>
    <message>
        <source>&quot;modbus-tcp&quot; or &quot;modbus-rtu&quot;</source>
        <translation>&quot;modbus-tcp&quot; or &quot;modbus-rtu&quot;</translation>
    </message>
    <message>
        <source>A &quot;%1&quot; gate cannot use a &quot;%2&quot; transport; use %3.</source>
        <translation>A &quot;%1&quot; gate cannot use a &quot;%2&quot; transport; use %3.</translation>
    </message>
    <message>
        <source>The %1 at %2 %3 overlaps the %4 at %2 %5.</source>
        <translation>The %1 at %2 %3 overlaps the %4 at %2 %5.</translation>
    </message>
    <message>
        <source>entry coil</source>
        <translation>entry coil</translation>
    </message>
    <message>
        <source>exit coil</source>
        <translation>exit coil</translation>
    </message>
    <message>
        <source>entry passage input</source>
        <translation>entry passage input</translation>
    </message>
    <message>
        <source>exit passage input</source>
        <translation>exit passage input</translation>
    </message>
    <message>
        <source>fire alarm input</source>
        <translation>fire alarm input</translation>
    </message>
    <message>
        <source>tamper input</source>
        <translation>tamper input</translation>
    </message>
    <message>
        <source>fire contact type</source>
        <translation>fire contact type</translation>
    </message>
    <message>
        <source>coil</source>
        <translation>coil</translation>
    </message>
    <message>
        <source>discrete input</source>
        <translation>discrete input</translation>
    </message>
    <message>
        <source>entry permission register</source>
        <translation>entry permission register</translation>
    </message>
    <message>
        <source>exit permission register</source>
        <translation>exit permission register</translation>
    </message>
    <message>
        <source>mode register</source>
        <translation>mode register</translation>
    </message>
    <message>
        <source>pass time register</source>
        <translation>pass time register</translation>
    </message>
    <message>
        <source>entry counter (two registers)</source>
        <translation>entry counter (two registers)</translation>
    </message>
    <message>
        <source>exit counter (two registers)</source>
        <translation>exit counter (two registers)</translation>
    </message>
    <message>
        <source>error code register</source>
        <translation>error code register</translation>
    </message>
    <message>
        <source>sensor register</source>
        <translation>sensor register</translation>
    </message>
    <message>
        <source>fire bit of the sensor register</source>
        <translation>fire bit of the sensor register</translation>
    </message>
    <message>
        <source>holding register</source>
        <translation>holding register</translation>
    </message>
    <message>
        <source>input register</source>
        <translation>input register</translation>
    </message>
    <message>
        <source>The &quot;%1&quot; map is only used by &quot;%2&quot; gates, not by &quot;%3&quot; gates.</source>
        <translation>The &quot;%1&quot; map is only used by &quot;%2&quot; gates, not by &quot;%3&quot; gates.</translation>
    </message>
    <message>
        <source>gate profile kind</source>
        <translation>gate profile kind</translation>
    </message>
    <message>
        <source>Modbus slave ID</source>
        <translation>Modbus slave ID</translation>
    </message>
    <message>
        <source>poll period in ms</source>
        <translation>poll period in ms</translation>
    </message>
    <message>
        <source>response timeout in ms</source>
        <translation>response timeout in ms</translation>
    </message>
    <message>
        <source>open pulse in ms</source>
        <translation>open pulse in ms</translation>
    </message>
    <message>
        <source>pass timeout in ms</source>
        <translation>pass timeout in ms</translation>
    </message>
    <message>
        <source>relay map</source>
        <translation>relay map</translation>
    </message>
    <message>
        <source>register map</source>
        <translation>register map</translation>
    </message>
    <message>
        <source>The gate profile is not valid JSON: %1 at character %2.</source>
        <translation>The gate profile is not valid JSON: %1 at character %2.</translation>
    </message>
    <message>
        <source>The gate profile must be a JSON object in { }.</source>
        <translation>The gate profile must be a JSON object in { }.</translation>
    </message>
</context>
<context>
    <name>GateSim</name>
    <message>
        <source>cannot listen on TCP port %1: %2</source>
        <translation>cannot listen on TCP port %1: %2</translation>
    </message>
    <message>
        <source>cannot create a pseudo terminal</source>
        <translation>cannot create a pseudo terminal</translation>
    </message>
    <message>
        <source>slave ids must be 1..247: %1</source>
        <translation>slave ids must be 1..247: %1</translation>
    </message>
    <message>
        <source>--slaves needs at least one id</source>
        <translation>--slaves needs at least one id</translation>
    </message>
    <message>
        <source>--pass-delay-ms must look like 200-800: %1</source>
        <translation>--pass-delay-ms must look like 200-800: %1</translation>
    </message>
    <message>
        <source>--%1 must be a port number</source>
        <translation>--%1 must be a port number</translation>
    </message>
    <message>
        <source>--map must be turnstile or relay: %1</source>
        <translation>--map must be turnstile or relay: %1</translation>
    </message>
    <message>
        <source>--pass-probability must be between 0 and 1</source>
        <translation>--pass-probability must be between 0 and 1</translation>
    </message>
    <message>
        <source>--seed must be a number</source>
        <translation>--seed must be a number</translation>
    </message>
    <message>
        <source>Simulates turnstile controllers for the GymGate gate drivers.</source>
        <translation>Simulates turnstile controllers for the GymGate gate drivers.</translation>
    </message>
    <message>
        <source>Serve Modbus TCP on port &lt;n&gt; (0 = a free port).</source>
        <translation>Serve Modbus TCP on port &lt;n&gt; (0 = a free port).</translation>
    </message>
    <message>
        <source>Serve Modbus RTU on a new pseudo terminal.</source>
        <translation>Serve Modbus RTU on a new pseudo terminal.</translation>
    </message>
    <message>
        <source>Speak the serial text protocol on a new pseudo terminal.</source>
        <translation>Speak the serial text protocol on a new pseudo terminal.</translation>
    </message>
    <message>
        <source>Modbus map: turnstile or relay.</source>
        <translation>Modbus map: turnstile or relay.</translation>
    </message>
    <message>
        <source>Simulated gates (Modbus unit ids), e.g. 1,2,3.</source>
        <translation>Simulated gates (Modbus unit ids), e.g. 1,2,3.</translation>
    </message>
    <message>
        <source>Chance that a person passes (0..1).</source>
        <translation>Chance that a person passes (0..1).</translation>
    </message>
    <message>
        <source>Random delay before a person passes, A-B ms.</source>
        <translation>Random delay before a person passes, A-B ms.</translation>
    </message>
    <message>
        <source>Random seed.</source>
        <translation>Random seed.</translation>
    </message>
    <message>
        <source>Accept control lines on TCP port &lt;n&gt; (0 = a free port).</source>
        <translation>Accept control lines on TCP port &lt;n&gt; (0 = a free port).</translation>
    </message>
    <message>
        <source>Do not log events.</source>
        <translation>Do not log events.</translation>
    </message>
    <message>
        <source>cannot listen on control port %1</source>
        <translation>cannot listen on control port %1</translation>
    </message>
    <message>
        <source>--link-dir must be an existing directory: %1</source>
        <translation>--link-dir must be an existing directory: %1</translation>
    </message>
    <message>
        <source>Also name the ptys &lt;dir&gt;/rtu and &lt;dir&gt;/text; the names survive a dropped connection.</source>
        <translation>Also name the ptys &lt;dir&gt;/rtu and &lt;dir&gt;/text; the names survive a dropped connection.</translation>
    </message>
    <message>
        <source>cannot create the device links in %1: %2</source>
        <translation>cannot create the device links in %1: %2</translation>
    </message>
</context>
<context>
    <name>GateSupervisor</name>
    <message>
        <source>The fire alarm is still active. The emergency can only be reset once it has cleared.</source>
        <translation>The fire alarm is still active. The emergency can only be reset once it has cleared.</translation>
    </message>
    <message numerus="yes">
        <source>Gate %1 is out of order after %n faults in a row. Check it, then clear it.</source>
        <translation>
            <numerusform>Gate %1 is out of order after %n fault in a row. Check it, then clear it.</numerusform>
            <numerusform>Gate %1 is out of order after %n faults in a row. Check it, then clear it.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no gate %1.</source>
        <translation>There is no gate %1.</translation>
    </message>
</context>
<context>
    <name>GateWiring</name>
    <message>
        <source>Gate %1 is not used: %2</source>
        <translation>Gate %1 is not used: %2</translation>
    </message>
    <message>
        <source>No gate could be set up: %1</source>
        <translation>No gate could be set up: %1</translation>
    </message>
    <message>
        <source>%1 (out)</source>
        <translation>%1 (out)</translation>
    </message>
    <message>
        <source>%1 (in)</source>
        <translation>%1 (in)</translation>
    </message>
</context>
<context>
    <name>GatesPage</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>GymGateHub</name>
    <message>
        <source>Cannot install the signal handlers.</source>
        <translation>Cannot install the signal handlers.</translation>
    </message>
</context>
<context>
    <name>HeadlessEntryController</name>
    <message numerus="yes">
        <source>%n visit(s) left</source>
        <translation>
            <numerusform>%n visit left</numerusform>
            <numerusform>%n visits left</numerusform>
        </translation>
    </message>
    <message>
        <source>balance %1 yuan</source>
        <translation>balance %1 yuan</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>valid until %1</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>no expiry</translation>
    </message>
    <message>
        <source>DENIED</source>
        <translation>DENIED</translation>
    </message>
    <message>
        <source>GRANTED</source>
        <translation>GRANTED</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>OPEN</translation>
    </message>
    <message>
        <source>PASSED</source>
        <translation>PASSED</translation>
    </message>
    <message>
        <source>NOT PASSED</source>
        <translation>NOT PASSED</translation>
    </message>
    <message>
        <source>GATE FAULT</source>
        <translation>GATE FAULT</translation>
    </message>
    <message>
        <source>BUSY</source>
        <translation>BUSY</translation>
    </message>
    <message>
        <source>EMERGENCY: fire alarm, every gate is free.</source>
        <translation>EMERGENCY: fire alarm, every gate is free.</translation>
    </message>
    <message>
        <source>Emergency over: the gates are back to normal.</source>
        <translation>Emergency over: the gates are back to normal.</translation>
    </message>
    <message>
        <source>Gate %1 is now %2.</source>
        <translation>Gate %1 is now %2.</translation>
    </message>
    <message>
        <source>No gate &quot;%1&quot; here.</source>
        <translation>No gate &quot;%1&quot; here.</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>ERROR</translation>
    </message>
</context>
<context>
    <name>HubAuth</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <source>The token is missing, invalid, expired or revoked.</source>
        <translation>The token is missing, invalid, expired or revoked.</translation>
    </message>
    <message>
        <source>Too many login attempts; wait a minute and try again.</source>
        <translation>Too many login attempts; wait a minute and try again.</translation>
    </message>
    <message>
        <source>Too many failed logins; the account is locked until %1 UTC.</source>
        <translation>Too many failed logins; the account is locked until %1 UTC.</translation>
    </message>
    <message>
        <source>The username is empty.</source>
        <translation>The username is empty.</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>The password must have at least 8 characters.</translation>
    </message>
    <message>
        <source>The user %1 already exists.</source>
        <translation>The user %1 already exists.</translation>
    </message>
</context>
<context>
    <name>HubClient</name>
    <message>
        <source>The hub&apos;s answer could not be read.</source>
        <translation>The hub&apos;s answer could not be read.</translation>
    </message>
    <message>
        <source>The hub answered with HTTP status %1.</source>
        <translation>The hub answered with HTTP status %1.</translation>
    </message>
    <message>
        <source>The hub answered with HTTP status %1: %2</source>
        <translation>The hub answered with HTTP status %1: %2</translation>
    </message>
    <message>
        <source>The hub refused this desk&apos;s token.</source>
        <translation>The hub refused this desk&apos;s token.</translation>
    </message>
    <message>
        <source>The hub refused the request (HTTP status %1).</source>
        <translation>The hub refused the request (HTTP status %1).</translation>
    </message>
    <message>
        <source>The server at this address is not a GymGate hub (HTTP status %1).</source>
        <translation>The server at this address is not a GymGate hub (HTTP status %1).</translation>
    </message>
    <message>
        <source>The hub did not answer within %1 seconds.</source>
        <translation>The hub did not answer within %1 seconds.</translation>
    </message>
    <message>
        <source>Cannot reach the hub: %1</source>
        <translation>Cannot reach the hub: %1</translation>
    </message>
    <message>
        <source>The connection to the hub broke off (HTTP status %1): %2</source>
        <translation>The connection to the hub broke off (HTTP status %1): %2</translation>
    </message>
</context>
<context>
    <name>HubCredentials</name>
    <message>
        <source>The hub credentials file %1 has no valid &quot;%2&quot;.</source>
        <translation>The hub credentials file %1 has no valid &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Cannot read the hub credentials file %1: %2</source>
        <translation>Cannot read the hub credentials file %1: %2</translation>
    </message>
    <message>
        <source>The hub credentials file %1 is not a JSON object.</source>
        <translation>The hub credentials file %1 is not a JSON object.</translation>
    </message>
    <message>
        <source>Cannot remove the hub credentials file %1: %2</source>
        <translation>Cannot remove the hub credentials file %1: %2</translation>
    </message>
</context>
<context>
    <name>HubDatabase</name>
    <message>
        <source>--db is empty.</source>
        <translation>--db is empty.</translation>
    </message>
    <message>
        <source>--db must look like postgresql://user@host:port/dbname: %1</source>
        <translation>--db must look like postgresql://user@host:port/dbname: %1</translation>
    </message>
    <message>
        <source>The Qt PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql).</source>
        <translation>The Qt PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>Cannot open the hub database: %1</source>
        <translation>Cannot open the hub database: %1</translation>
    </message>
    <message>
        <source>Cannot configure the hub database (%1): %2</source>
        <translation>Cannot configure the hub database (%1): %2</translation>
    </message>
    <message>
        <source>Cannot read the schema version: %1</source>
        <translation>Cannot read the schema version: %1</translation>
    </message>
    <message>
        <source>The hub database has schema version %1, newer than this gymgate-hub knows (%2). Use a newer gymgate-hub.</source>
        <translation>The hub database has schema version %1, newer than this gymgate-hub knows (%2). Use a newer gymgate-hub.</translation>
    </message>
    <message>
        <source>Cannot read the migration %1.</source>
        <translation>Cannot read the migration %1.</translation>
    </message>
    <message>
        <source>Cannot start migration %1: %2</source>
        <translation>Cannot start migration %1: %2</translation>
    </message>
    <message>
        <source>Migration %1 failed: %2</source>
        <translation>Migration %1 failed: %2</translation>
    </message>
    <message>
        <source>Cannot begin a transaction: %1</source>
        <translation>Cannot begin a transaction: %1</translation>
    </message>
    <message>
        <source>Cannot commit: %1</source>
        <translation>Cannot commit: %1</translation>
    </message>
    <message>
        <source>The change-log lock was asked for outside a transaction.</source>
        <translation>The change-log lock was asked for outside a transaction.</translation>
    </message>
</context>
<context>
    <name>HubKeys</name>
    <message>
        <source>The hub has no current signing key.</source>
        <translation>The hub has no current signing key.</translation>
    </message>
    <message>
        <source>Another hub instance changed the signing key at the same time.</source>
        <translation>Another hub instance changed the signing key at the same time.</translation>
    </message>
    <message>
        <source>No trusted key %1.</source>
        <translation>No trusted key %1.</translation>
    </message>
    <message>
        <source>The key %1 is revoked already.</source>
        <translation>The key %1 is revoked already.</translation>
    </message>
    <message>
        <source>The key id %1 is taken already.</source>
        <translation>The key id %1 is taken already.</translation>
    </message>
</context>
<context>
    <name>HubOptions</name>
    <message>
        <source>GymGate hub: the central REST service that sites sync with.</source>
        <translation>GymGate hub: the central REST service that sites sync with.</translation>
    </message>
    <message>
        <source>Listen on address &lt;ip&gt; (default 127.0.0.1).</source>
        <translation>Listen on address &lt;ip&gt; (default 127.0.0.1).</translation>
    </message>
    <message>
        <source>Listen on port &lt;n&gt; (0 = a free port; default 8080).</source>
        <translation>Listen on port &lt;n&gt; (0 = a free port; default 8080).</translation>
    </message>
    <message>
        <source>Database: an SQLite file path or postgresql://user@host:port/dbname.</source>
        <translation>Database: an SQLite file path or postgresql://user@host:port/dbname.</translation>
    </message>
    <message>
        <source>Read options from the JSON file &lt;file&gt;; the command line wins.</source>
        <translation>Read options from the JSON file &lt;file&gt;; the command line wins.</translation>
    </message>
    <message>
        <source>Refuse request bodies larger than &lt;n&gt; bytes (default 1048576).</source>
        <translation>Refuse request bodies larger than &lt;n&gt; bytes (default 1048576).</translation>
    </message>
    <message>
        <source>Serve HTTPS with the PEM certificate &lt;file&gt; (needs --tls-key).</source>
        <translation>Serve HTTPS with the PEM certificate &lt;file&gt; (needs --tls-key).</translation>
    </message>
    <message>
        <source>The PEM private key of --tls-cert.</source>
        <translation>The PEM private key of --tls-cert.</translation>
    </message>
    <message>
        <source>Also write the log to &lt;dir&gt;/gymgate-hub.log.</source>
        <translation>Also write the log to &lt;dir&gt;/gymgate-hub.log.</translation>
    </message>
    <message>
        <source>Print the route table as JSON and exit.</source>
        <translation>Print the route table as JSON and exit.</translation>
    </message>
    <message>
        <source>Cannot read the config file %1: %2</source>
        <translation>Cannot read the config file %1: %2</translation>
    </message>
    <message>
        <source>The config file %1 is not a JSON object: %2</source>
        <translation>The config file %1 is not a JSON object: %2</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot; in the config file %2.</source>
        <translation>Unknown key &quot;%1&quot; in the config file %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the config file must be a string or a number.</source>
        <translation>&quot;%1&quot; in the config file must be a string or a number.</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3: %4</source>
        <translation>--%1 must be a whole number from %2 to %3: %4</translation>
    </message>
    <message>
        <source>--listen must be an IP address: %1</source>
        <translation>--listen must be an IP address: %1</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key must be given together.</source>
        <translation>--tls-cert and --tls-key must be given together.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unexpected argument: %1</translation>
    </message>
    <message>
        <source>Add the admin user &lt;name&gt; with the password read from stdin, then exit.</source>
        <translation>Add the admin user &lt;name&gt; with the password read from stdin, then exit.</translation>
    </message>
    <message>
        <source>Retire the JWT signing key and make a new one, then exit; issued tokens stay valid.</source>
        <translation>Retire the JWT signing key and make a new one, then exit; issued tokens stay valid.</translation>
    </message>
    <message>
        <source>Append member sign-in codes as JSON lines to &lt;file&gt; (the SMS gateway&apos;s input).</source>
        <translation>Append member sign-in codes as JSON lines to &lt;file&gt; (the SMS gateway&apos;s input).</translation>
    </message>
</context>
<context>
    <name>HubResponse</name>
    <message>
        <source>Internal error; see the hub log.</source>
        <translation>Internal error; see the hub log.</translation>
    </message>
</context>
<context>
    <name>HubRouter</name>
    <message>
        <source>No such endpoint: %1</source>
        <translation>No such endpoint: %1</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is missing.</source>
        <translation>The field &quot;%1&quot; is missing.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be a non-empty string.</source>
        <translation>The field &quot;%1&quot; must be a non-empty string.</translation>
    </message>
    <message>
        <source>The request body has %1 bytes; the limit is %2.</source>
        <translation>The request body has %1 bytes; the limit is %2.</translation>
    </message>
    <message>
        <source>The body is not valid JSON (%1 at offset %2).</source>
        <translation>The body is not valid JSON (%1 at offset %2).</translation>
    </message>
    <message>
        <source>%1 is not allowed on %2.</source>
        <translation>%1 is not allowed on %2.</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>The body must be a JSON object.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not accepted here.</source>
        <translation>The field &quot;%1&quot; is not accepted here.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is longer than %2 characters.</source>
        <translation>The field &quot;%1&quot; is longer than %2 characters.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be a string.</source>
        <translation>The field &quot;%1&quot; must be a string.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be a whole number.</source>
        <translation>The field &quot;%1&quot; must be a whole number.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be between %2 and %3.</source>
        <translation>The field &quot;%1&quot; must be between %2 and %3.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be true or false.</source>
        <translation>The field &quot;%1&quot; must be true or false.</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must be a whole number.</source>
        <translation>The parameter &quot;%1&quot; must be a whole number.</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must be between %2 and %3.</source>
        <translation>The parameter &quot;%1&quot; must be between %2 and %3.</translation>
    </message>
    <message>
        <source>Authentication is not set up.</source>
        <translation>Authentication is not set up.</translation>
    </message>
    <message>
        <source>The role %1 may not use %2 %3.</source>
        <translation>The role %1 may not use %2 %3.</translation>
    </message>
</context>
<context>
    <name>HubServer</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>The hub has no database.</source>
        <translation>The hub has no database.</translation>
    </message>
    <message>
        <source>The hub database does not answer.</source>
        <translation>The hub database does not answer.</translation>
    </message>
    <message>
        <source>TLS was asked for but this Qt has no working TLS backend.</source>
        <translation>TLS was asked for but this Qt has no working TLS backend.</translation>
    </message>
    <message>
        <source>%1 is not a PEM certificate.</source>
        <translation>%1 is not a PEM certificate.</translation>
    </message>
    <message>
        <source>%1 is not an unencrypted PEM RSA or EC private key.</source>
        <translation>%1 is not an unencrypted PEM RSA or EC private key.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2.</source>
        <translation>Cannot listen on %1 port %2.</translation>
    </message>
    <message>
        <source>The hub is shutting down.</source>
        <translation>The hub is shutting down.</translation>
    </message>
    <message>
        <source>No such endpoint: %1</source>
        <translation>No such endpoint: %1</translation>
    </message>
</context>
<context>
    <name>KeyFile</name>
    <message>
        <source>Cannot read the key file %1: %2</source>
        <translation>Cannot read the key file %1: %2</translation>
    </message>
    <message>
        <source>The key file %1 is damaged.</source>
        <translation>The key file %1 is damaged.</translation>
    </message>
    <message>
        <source>Cannot create the folder for the key file %1.</source>
        <translation>Cannot create the folder for the key file %1.</translation>
    </message>
    <message>
        <source>Cannot create the key file %1: %2</source>
        <translation>Cannot create the key file %1: %2</translation>
    </message>
    <message>
        <source>Cannot write the key file %1: %2</source>
        <translation>Cannot write the key file %1: %2</translation>
    </message>
    <message>
        <source>Cannot write the file %1: %2</source>
        <translation>Cannot write the file %1: %2</translation>
    </message>
</context>
<context>
    <name>KioskShots</name>
    <message>
        <source>Cannot write %1</source>
        <translation>Cannot write %1</translation>
    </message>
    <message>
        <source>Saves a PNG of every kiosk screen with sample data.</source>
        <translation>Saves a PNG of every kiosk screen with sample data.</translation>
    </message>
    <message>
        <source>Directory for the PNG files.</source>
        <translation>Directory for the PNG files.</translation>
    </message>
    <message>
        <source>Window size, WIDTHxHEIGHT.</source>
        <translation>Window size, WIDTHxHEIGHT.</translation>
    </message>
    <message>
        <source>Site language (zh_CN or en).</source>
        <translation>Site language (zh_CN or en).</translation>
    </message>
    <message>
        <source>Bad --size or --lang.</source>
        <translation>Bad --size or --lang.</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>Cannot create %1</translation>
    </message>
    <message>
        <source>The gate did not answer the open command.</source>
        <translation>The gate did not answer the open command.</translation>
    </message>
</context>
<context>
    <name>Logging</name>
    <message>
        <source>Cannot create the log folder %1.</source>
        <translation>Cannot create the log folder %1.</translation>
    </message>
    <message>
        <source>Cannot open the log file %1: %2</source>
        <translation>Cannot open the log file %1: %2</translation>
    </message>
</context>
<context>
    <name>MemberCardPdf</name>
    <message>
        <source>Member card</source>
        <translation>Member card</translation>
    </message>
    <message>
        <source>Show this code at the gate.</source>
        <translation>Show this code at the gate.</translation>
    </message>
    <message>
        <source>The member card could not be saved to %1: %2</source>
        <translation>The member card could not be saved to %1: %2</translation>
    </message>
    <message>
        <source>Member card %1</source>
        <translation>Member card %1</translation>
    </message>
    <message>
        <source>The member card PDF could not be started.</source>
        <translation>The member card PDF could not be started.</translation>
    </message>
</context>
<context>
    <name>MemberDirectory</name>
    <message>
        <source>Please enter the member&apos;s name.</source>
        <translation>Please enter the member&apos;s name.</translation>
    </message>
    <message>
        <source>The name is too long (at most %1 characters).</source>
        <translation>The name is too long (at most %1 characters).</translation>
    </message>
    <message>
        <source>The name contains control characters.</source>
        <translation>The name contains control characters.</translation>
    </message>
    <message>
        <source>Please enter an 11-digit mainland China mobile number, e.g. 13800138000.</source>
        <translation>Please enter an 11-digit mainland China mobile number, e.g. 13800138000.</translation>
    </message>
    <message>
        <source>Please choose a gender.</source>
        <translation>Please choose a gender.</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation>The birthday cannot be in the future.</translation>
    </message>
    <message>
        <source>The birthday must be after 1 January 1900.</source>
        <translation>The birthday must be after 1 January 1900.</translation>
    </message>
    <message>
        <source>The preferred language must be Chinese or English.</source>
        <translation>The preferred language must be Chinese or English.</translation>
    </message>
    <message>
        <source>The photo is too large (at most %1 MB).</source>
        <translation>The photo is too large (at most %1 MB).</translation>
    </message>
    <message>
        <source>This phone number belongs to the closed membership %1.</source>
        <translation>This phone number belongs to the closed membership %1.</translation>
    </message>
    <message>
        <source>This phone number is already registered to member %1 (%2).</source>
        <translation>This phone number is already registered to member %1 (%2).</translation>
    </message>
    <message>
        <source>No such member.</source>
        <translation>No such member.</translation>
    </message>
    <message>
        <source>The member numbers of this site are used up.</source>
        <translation>The member numbers of this site are used up.</translation>
    </message>
    <message>
        <source>The reason is too long (at most %1 characters).</source>
        <translation>The reason is too long (at most %1 characters).</translation>
    </message>
    <message>
        <source>Member %1 is already blocked.</source>
        <translation>Member %1 is already blocked.</translation>
    </message>
    <message>
        <source>Member %1 is not blocked.</source>
        <translation>Member %1 is not blocked.</translation>
    </message>
    <message>
        <source>This desk&apos;s signing key %1 was revoked: no member codes can be issued here.</source>
        <translation>This desk&apos;s signing key %1 was revoked: no member codes can be issued here.</translation>
    </message>
    <message>
        <source>This desk&apos;s signing key does not match the trusted key %1: the gates would refuse its codes.</source>
        <translation>This desk&apos;s signing key does not match the trusted key %1: the gates would refuse its codes.</translation>
    </message>
    <message>
        <source>Member %1 is blocked: unblock the member before issuing a code.</source>
        <translation>Member %1 is blocked: unblock the member before issuing a code.</translation>
    </message>
    <message>
        <source>Member %1 has no QR code yet: issue one first.</source>
        <translation>Member %1 has no QR code yet: issue one first.</translation>
    </message>
</context>
<context>
    <name>MemberModule</name>
    <message>
        <source>This hub cannot send text messages; sign in at the front desk.</source>
        <translation>This hub cannot send text messages; sign in at the front desk.</translation>
    </message>
    <message>
        <source>This membership is blocked; please see the front desk.</source>
        <translation>This membership is blocked; please see the front desk.</translation>
    </message>
    <message>
        <source>Only front-desk staff may register a member without an SMS code.</source>
        <translation>Only front-desk staff may register a member without an SMS code.</translation>
    </message>
    <message>
        <source>The field &quot;storeId&quot; names no known store.</source>
        <translation>The field &quot;storeId&quot; names no known store.</translation>
    </message>
    <message>
        <source>A member may only see and change their own record.</source>
        <translation>A member may only see and change their own record.</translation>
    </message>
    <message>
        <source>Too many codes were asked for from this address; wait a few minutes.</source>
        <translation>Too many codes were asked for from this address; wait a few minutes.</translation>
    </message>
    <message>
        <source>A code was sent to this phone less than a minute ago.</source>
        <translation>A code was sent to this phone less than a minute ago.</translation>
    </message>
    <message>
        <source>Too many codes were sent to this phone; try again in an hour.</source>
        <translation>Too many codes were sent to this phone; try again in an hour.</translation>
    </message>
    <message>
        <source>The SMS code is wrong or has expired; ask for a new one.</source>
        <translation>The SMS code is wrong or has expired; ask for a new one.</translation>
    </message>
    <message>
        <source>The field &quot;smsCode&quot; must be 6 digits.</source>
        <translation>The field &quot;smsCode&quot; must be 6 digits.</translation>
    </message>
    <message>
        <source>The SMS code was used already; ask for a new one.</source>
        <translation>The SMS code was used already; ask for a new one.</translation>
    </message>
    <message>
        <source>No member has this phone number; register first.</source>
        <translation>No member has this phone number; register first.</translation>
    </message>
    <message>
        <source>A member with this phone number exists already.</source>
        <translation>A member with this phone number exists already.</translation>
    </message>
    <message>
        <source>The venue %1 does not exist.</source>
        <translation>The venue %1 does not exist.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be an array of ids.</source>
        <translation>The field &quot;%1&quot; must be an array of ids.</translation>
    </message>
    <message>
        <source>The field &quot;timeWindows&quot; must be an array of windows.</source>
        <translation>The field &quot;timeWindows&quot; must be an array of windows.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be a number of yuan from 0 to 1000000 with at most two decimals.</source>
        <translation>The field &quot;%1&quot; must be a number of yuan from 0 to 1000000 with at most two decimals.</translation>
    </message>
    <message>
        <source>A time card needs &quot;validDays&quot; of at least 1.</source>
        <translation>A time card needs &quot;validDays&quot; of at least 1.</translation>
    </message>
    <message>
        <source>A count card needs &quot;count&quot; of at least 1.</source>
        <translation>A count card needs &quot;count&quot; of at least 1.</translation>
    </message>
    <message>
        <source>A value card needs an &quot;amount&quot; above 0.</source>
        <translation>A value card needs an &quot;amount&quot; above 0.</translation>
    </message>
    <message>
        <source>The field &quot;paymentMethod&quot; must be cash, bank_card, wechat or alipay.</source>
        <translation>The field &quot;paymentMethod&quot; must be cash, bank_card, wechat or alipay.</translation>
    </message>
    <message>
        <source>The field &quot;productId&quot; names no card product on sale.</source>
        <translation>The field &quot;productId&quot; names no card product on sale.</translation>
    </message>
    <message>
        <source>The field &quot;cardType&quot; does not match the kind of the product.</source>
        <translation>The field &quot;cardType&quot; does not match the kind of the product.</translation>
    </message>
    <message>
        <source>A value card needs a &quot;perVisitPrice&quot; above 0 and not above its amount.</source>
        <translation>A value card needs a &quot;perVisitPrice&quot; above 0 and not above its amount.</translation>
    </message>
    <message>
        <source>Only admins may list products that are no longer sold.</source>
        <translation>Only admins may list products that are no longer sold.</translation>
    </message>
    <message>
        <source>No such card product.</source>
        <translation>No such card product.</translation>
    </message>
    <message>
        <source>No such member.</source>
        <translation>No such member.</translation>
    </message>
    <message>
        <source>The member is blocked; unblock them before selling a card.</source>
        <translation>The member is blocked; unblock them before selling a card.</translation>
    </message>
    <message>
        <source>The field &quot;venueId&quot; names no known venue.</source>
        <translation>The field &quot;venueId&quot; names no known venue.</translation>
    </message>
    <message>
        <source>The field &quot;birthday&quot; must be a date like 1990-01-31.</source>
        <translation>The field &quot;birthday&quot; must be a date like 1990-01-31.</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation>The birthday cannot be in the future.</translation>
    </message>
    <message>
        <source>The birthday cannot be before 1900.</source>
        <translation>The birthday cannot be before 1900.</translation>
    </message>
    <message>
        <source>The field &quot;weight&quot; must be a number of kilograms from 20 to 300 with at most two decimals.</source>
        <translation>The field &quot;weight&quot; must be a number of kilograms from 20 to 300 with at most two decimals.</translation>
    </message>
    <message>
        <source>The field &quot;preferredLanguage&quot; must be zh_CN or en.</source>
        <translation>The field &quot;preferredLanguage&quot; must be zh_CN or en.</translation>
    </message>
    <message>
        <source>The field &quot;phone&quot; must be a mainland China mobile number (11 digits, 13x-19x).</source>
        <translation>The field &quot;phone&quot; must be a mainland China mobile number (11 digits, 13x-19x).</translation>
    </message>
    <message>
        <source>The parameter &quot;phone&quot; must be a mainland China mobile number.</source>
        <translation>The parameter &quot;phone&quot; must be a mainland China mobile number.</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; is longer than 64 characters.</source>
        <translation>The parameter &quot;%1&quot; is longer than 64 characters.</translation>
    </message>
    <message>
        <source>Give at least one of the fields %1.</source>
        <translation>Give at least one of the fields %1.</translation>
    </message>
    <message>
        <source>No %1 numbers are left for this hub.</source>
        <translation>No %1 numbers are left for this hub.</translation>
    </message>
</context>
<context>
    <name>ModbusFrameTap</name>
    <message>
        <source>cannot capture Modbus frames from stdout: %1</source>
        <translation>cannot capture Modbus frames from stdout: %1</translation>
    </message>
</context>
<context>
    <name>NotificationSocket</name>
    <message>
        <source>%1 is a WebSocket endpoint: send a WebSocket upgrade request.</source>
        <translation>%1 is a WebSocket endpoint: send a WebSocket upgrade request.</translation>
    </message>
    <message>
        <source>The hub has no database.</source>
        <translation>The hub has no database.</translation>
    </message>
    <message>
        <source>The hub is shutting down.</source>
        <translation>The hub is shutting down.</translation>
    </message>
    <message>
        <source>No such WebSocket endpoint: %1</source>
        <translation>No such WebSocket endpoint: %1</translation>
    </message>
    <message>
        <source>The hub database does not answer.</source>
        <translation>The hub database does not answer.</translation>
    </message>
    <message>
        <source>Messages are JSON text frames.</source>
        <translation>Messages are JSON text frames.</translation>
    </message>
    <message>
        <source>A message must be a JSON object.</source>
        <translation>A message must be a JSON object.</translation>
    </message>
    <message>
        <source>Unknown message type &quot;%1&quot;; expected &quot;resume&quot; or &quot;ping&quot;.</source>
        <translation>Unknown message type &quot;%1&quot;; expected &quot;resume&quot; or &quot;ping&quot;.</translation>
    </message>
    <message>
        <source>notificationSeq must be a whole number of 0 or more.</source>
        <translation>notificationSeq must be a whole number of 0 or more.</translation>
    </message>
    <message>
        <source>The notifications cannot be read now.</source>
        <translation>The notifications cannot be read now.</translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <source>The cryptography library could not be started.</source>
        <translation>The cryptography library could not be started.</translation>
    </message>
    <message>
        <source>The password must not be empty.</source>
        <translation>The password must not be empty.</translation>
    </message>
    <message>
        <source>Not enough memory to hash the password.</source>
        <translation>Not enough memory to hash the password.</translation>
    </message>
</context>
<context>
    <name>QrDecoder</name>
    <message>
        <source>Cannot read the image file %1: %2</source>
        <translation>Cannot read the image file %1: %2</translation>
    </message>
    <message>
        <source>No QR code found in %1.</source>
        <translation>No QR code found in %1.</translation>
    </message>
</context>
<context>
    <name>QrEncoder</name>
    <message>
        <source>There is no text to put in the QR code.</source>
        <translation>There is no text to put in the QR code.</translation>
    </message>
    <message>
        <source>The QR module size must be 1 to %1 pixels.</source>
        <translation>The QR module size must be 1 to %1 pixels.</translation>
    </message>
    <message>
        <source>The QR quiet zone must be 0 to %1 modules.</source>
        <translation>The QR quiet zone must be 0 to %1 modules.</translation>
    </message>
    <message numerus="yes">
        <source>The text is too long for a QR code (%n characters).</source>
        <translation>
            <numerusform>The text is too long for a QR code (%n character).</numerusform>
            <numerusform>The text is too long for a QR code (%n characters).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptPdf</name>
    <message>
        <source>Receipt no.: %1</source>
        <translation>Receipt no.: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <source>Member: %1 (%2)</source>
        <translation>Member: %1 (%2)</translation>
    </message>
    <message>
        <source>Card: %1, %2</source>
        <translation>Card: %1, %2</translation>
    </message>
    <message>
        <source>%1: %2 yuan</source>
        <translation>%1: %2 yuan</translation>
    </message>
    <message>
        <source>Total: %1 yuan</source>
        <translation>Total: %1 yuan</translation>
    </message>
    <message>
        <source>Paid by: %1</source>
        <translation>Paid by: %1</translation>
    </message>
    <message>
        <source>Visits left: %1</source>
        <translation>Visits left: %1</translation>
    </message>
    <message>
        <source>Balance: %1 yuan</source>
        <translation>Balance: %1 yuan</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Served by: %1</source>
        <translation>Served by: %1</translation>
    </message>
    <message>
        <source>The receipt could not be saved to %1: %2</source>
        <translation>The receipt could not be saved to %1: %2</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Receipt %1</translation>
    </message>
    <message>
        <source>The receipt PDF could not be started.</source>
        <translation>The receipt PDF could not be started.</translation>
    </message>
    <message>
        <source>Refund receipt</source>
        <translation>Refund receipt</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Denials by reason</source>
        <translation>Denials by reason</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Peak hours</source>
        <translation>Peak hours</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Hour of day</source>
        <translation>Hour of day</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Card kind</source>
        <translation>Card kind</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Choose what the report counts.</source>
        <translation>Choose what the report counts.</translation>
    </message>
    <message>
        <source>Choose how the report groups its rows.</source>
        <translation>Choose how the report groups its rows.</translation>
    </message>
    <message>
        <source>The report &quot;%1&quot; cannot be grouped by &quot;%2&quot;.</source>
        <translation>The report &quot;%1&quot; cannot be grouped by &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denied</translation>
    </message>
    <message>
        <source>Unique members</source>
        <translation>Unique members</translation>
    </message>
    <message>
        <source>Denials</source>
        <translation>Denials</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Rejected by the hub</source>
        <translation>Rejected by the hub</translation>
    </message>
    <message>
        <source>Class places</source>
        <translation>Class places</translation>
    </message>
    <message>
        <source>Places taken</source>
        <translation>Places taken</translation>
    </message>
    <message>
        <source>Fill rate</source>
        <translation>Fill rate</translation>
    </message>
    <message>
        <source>Net revenue</source>
        <translation>Net revenue</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>New members</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Active members</translation>
    </message>
    <message>
        <source>Members whose card ends</source>
        <translation>Members whose card ends</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Per day</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <source>%1 (yuan)</source>
        <translation>%1 (yuan)</translation>
    </message>
    <message>
        <source>Check-ins by weekday</source>
        <translation>Check-ins by weekday</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>The report could not be saved to %1: %2</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Generated %1</source>
        <translation>Generated %1</translation>
    </message>
    <message>
        <source>Generated %1 by %2</source>
        <translation>Generated %1 by %2</translation>
    </message>
    <message>
        <source>The report PDF could not be started.</source>
        <translation>The report PDF could not be started.</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 by %2</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
</context>
<context>
    <name>ReportPeriod</name>
    <message>
        <source>The first day of the period is not a valid date.</source>
        <translation>The first day of the period is not a valid date.</translation>
    </message>
    <message>
        <source>The last day of the period is not a valid date.</source>
        <translation>The last day of the period is not a valid date.</translation>
    </message>
    <message>
        <source>The last day must not be before the first day.</source>
        <translation>The last day must not be before the first day.</translation>
    </message>
    <message>
        <source>The period is longer than %1 days.</source>
        <translation>The period is longer than %1 days.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Last week</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation>Next 30 days</translation>
    </message>
</context>
<context>
    <name>ReservationModule</name>
    <message>
        <source>%1 Conflicting booking: %2.</source>
        <translation>%1 Conflicting booking: %2.</translation>
    </message>
    <message>
        <source>%1 You can join the waiting list.</source>
        <translation>%1 You can join the waiting list.</translation>
    </message>
    <message>
        <source>A member can only book for themselves.</source>
        <translation>A member can only book for themselves.</translation>
    </message>
    <message>
        <source>The reservation %1 does not exist.</source>
        <translation>The reservation %1 does not exist.</translation>
    </message>
    <message>
        <source>The parameter &quot;status&quot; must be booked, cancelled, attended, no_show or rejected.</source>
        <translation>The parameter &quot;status&quot; must be booked, cancelled, attended, no_show or rejected.</translation>
    </message>
    <message>
        <source>The class %1 does not exist.</source>
        <translation>The class %1 does not exist.</translation>
    </message>
    <message>
        <source>The class %1 is not held in the venue %2.</source>
        <translation>The class %1 is not held in the venue %2.</translation>
    </message>
    <message>
        <source>The booking must end after it starts.</source>
        <translation>The booking must end after it starts.</translation>
    </message>
    <message>
        <source>A venue booking lasts at most one day.</source>
        <translation>A venue booking lasts at most one day.</translation>
    </message>
    <message>
        <source>The member %1 does not exist.</source>
        <translation>The member %1 does not exist.</translation>
    </message>
    <message>
        <source>Give either a class (slotId) or a time range (startAt, endAt), not both.</source>
        <translation>Give either a class (slotId) or a time range (startAt, endAt), not both.</translation>
    </message>
    <message>
        <source>The field &quot;action&quot; must be cancel or move.</source>
        <translation>The field &quot;action&quot; must be cancel or move.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not accepted when cancelling.</source>
        <translation>The field &quot;%1&quot; is not accepted when cancelling.</translation>
    </message>
    <message>
        <source>The field &quot;reason&quot; is only accepted when cancelling.</source>
        <translation>The field &quot;reason&quot; is only accepted when cancelling.</translation>
    </message>
    <message>
        <source>A class booking moves to another class: give slotId.</source>
        <translation>A class booking moves to another class: give slotId.</translation>
    </message>
    <message>
        <source>A venue booking moves to another time: give startAt and endAt.</source>
        <translation>A venue booking moves to another time: give startAt and endAt.</translation>
    </message>
</context>
<context>
    <name>SalesDesk</name>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>Time card</source>
        <translation>Time card</translation>
    </message>
    <message>
        <source>Count card</source>
        <translation>Count card</translation>
    </message>
    <message>
        <source>Value card</source>
        <translation>Value card</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Frozen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Enter the product name.</source>
        <translation>Enter the product name.</translation>
    </message>
    <message>
        <source>The product name is longer than 60 characters.</source>
        <translation>The product name is longer than 60 characters.</translation>
    </message>
    <message>
        <source>Choose the card kind.</source>
        <translation>Choose the card kind.</translation>
    </message>
    <message>
        <source>The price must be between 0 and 1,000,000 yuan.</source>
        <translation>The price must be between 0 and 1,000,000 yuan.</translation>
    </message>
    <message>
        <source>The validity must be between 0 and 3660 days.</source>
        <translation>The validity must be between 0 and 3660 days.</translation>
    </message>
    <message>
        <source>A time card needs a validity of at least one day.</source>
        <translation>A time card needs a validity of at least one day.</translation>
    </message>
    <message>
        <source>A count card needs between 1 and 10000 visits.</source>
        <translation>A count card needs between 1 and 10000 visits.</translation>
    </message>
    <message>
        <source>A value card needs a stored value above 0 yuan.</source>
        <translation>A value card needs a stored value above 0 yuan.</translation>
    </message>
    <message>
        <source>A value card needs a per-visit price above 0 and not above its stored value.</source>
        <translation>A value card needs a per-visit price above 0 and not above its stored value.</translation>
    </message>
    <message>
        <source>The time windows are not valid, e.g. [{&quot;days&quot;:&quot;1-5&quot;,&quot;from&quot;:&quot;06:00&quot;,&quot;to&quot;:&quot;22:00&quot;}].</source>
        <translation>The time windows are not valid, e.g. [{&quot;days&quot;:&quot;1-5&quot;,&quot;from&quot;:&quot;06:00&quot;,&quot;to&quot;:&quot;22:00&quot;}].</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Refunded (yuan)</source>
        <translation>Refunded (yuan)</translation>
    </message>
    <message>
        <source>Net (yuan)</source>
        <translation>Net (yuan)</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Choose how the member pays.</source>
        <translation>Choose how the member pays.</translation>
    </message>
    <message>
        <source>The zone %1 does not exist.</source>
        <translation>The zone %1 does not exist.</translation>
    </message>
    <message>
        <source>The card product was not found.</source>
        <translation>The card product was not found.</translation>
    </message>
    <message>
        <source>The card must start between today and %1 days ahead.</source>
        <translation>The card must start between today and %1 days ahead.</translation>
    </message>
    <message>
        <source>The member was not found.</source>
        <translation>The member was not found.</translation>
    </message>
    <message>
        <source>%1 is blocked; unblock the member before selling a card.</source>
        <translation>%1 is blocked; unblock the member before selling a card.</translation>
    </message>
    <message>
        <source>The product %1 is no longer sold.</source>
        <translation>The product %1 is no longer sold.</translation>
    </message>
    <message>
        <source>The top-up must be between 0.01 and 1,000,000 yuan.</source>
        <translation>The top-up must be between 0.01 and 1,000,000 yuan.</translation>
    </message>
    <message>
        <source>Only a value card can be topped up.</source>
        <translation>Only a value card can be topped up.</translation>
    </message>
    <message>
        <source>A cancelled card cannot be topped up.</source>
        <translation>A cancelled card cannot be topped up.</translation>
    </message>
    <message>
        <source>An expired card cannot be topped up.</source>
        <translation>An expired card cannot be topped up.</translation>
    </message>
    <message>
        <source>The card is frozen already.</source>
        <translation>The card is frozen already.</translation>
    </message>
    <message>
        <source>A cancelled card cannot be frozen.</source>
        <translation>A cancelled card cannot be frozen.</translation>
    </message>
    <message>
        <source>An expired card cannot be frozen.</source>
        <translation>An expired card cannot be frozen.</translation>
    </message>
    <message>
        <source>The card is not frozen.</source>
        <translation>The card is not frozen.</translation>
    </message>
    <message>
        <source>The refund cannot be negative.</source>
        <translation>The refund cannot be negative.</translation>
    </message>
    <message>
        <source>Enter the reason for the cancellation.</source>
        <translation>Enter the reason for the cancellation.</translation>
    </message>
    <message>
        <source>The card is cancelled already.</source>
        <translation>The card is cancelled already.</translation>
    </message>
    <message>
        <source>The refund is more than the %1 yuan paid for this card.</source>
        <translation>The refund is more than the %1 yuan paid for this card.</translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>Please log in first.</translation>
    </message>
    <message>
        <source>The report period must end after it starts and span at most %1 days.</source>
        <translation>The report period must end after it starts and span at most %1 days.</translation>
    </message>
    <message>
        <source>The card was not found.</source>
        <translation>The card was not found.</translation>
    </message>
    <message>
        <source>No %1 numbers are left for this site.</source>
        <translation>No %1 numbers are left for this site.</translation>
    </message>
    <message>
        <source>Top-up of card %1</source>
        <translation>Top-up of card %1</translation>
    </message>
    <message>
        <source>Refund for card %1</source>
        <translation>Refund for card %1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>ShotSupport</name>
    <message>
        <source>Cannot create %1</source>
        <translation>Cannot create %1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Cannot write %1</translation>
    </message>
</context>
<context>
    <name>SigningKey</name>
    <message>
        <source>The crypto library failed to start.</source>
        <translation>The crypto library failed to start.</translation>
    </message>
    <message>
        <source>A key id has 1 to 16 letters, digits, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>A key id has 1 to 16 letters, digits, &apos;_&apos; or &apos;-&apos;.</translation>
    </message>
    <message>
        <source>A signing key has %1 bytes, not %2.</source>
        <translation>A signing key has %1 bytes, not %2.</translation>
    </message>
    <message>
        <source>The signing key is damaged: its two halves do not match.</source>
        <translation>The signing key is damaged: its two halves do not match.</translation>
    </message>
</context>
<context>
    <name>SmsSender</name>
    <message>
        <source>Cannot open the SMS outbox %1: %2</source>
        <translation>Cannot open the SMS outbox %1: %2</translation>
    </message>
    <message>
        <source>Cannot write the SMS outbox %1: %2</source>
        <translation>Cannot write the SMS outbox %1: %2</translation>
    </message>
</context>
<context>
    <name>SqlGateSetup</name>
    <message>
        <source>The gate was not found.</source>
        <translation>The gate was not found.</translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1 at line %2, column %3 (offset %4).</source>
        <translation>The file is not valid JSON: %1 at line %2, column %3 (offset %4).</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (copy %2)</translation>
    </message>
    <message>
        <source>Give the gate a name.</source>
        <translation>Give the gate a name.</translation>
    </message>
    <message>
        <source>The name is too long; use at most %1 characters.</source>
        <translation>The name is too long; use at most %1 characters.</translation>
    </message>
    <message>
        <source>Choose the zone the gate leads into.</source>
        <translation>Choose the zone the gate leads into.</translation>
    </message>
    <message>
        <source>The zone %1 does not exist.</source>
        <translation>The zone %1 does not exist.</translation>
    </message>
    <message>
        <source>Choose the gate&apos;s direction.</source>
        <translation>Choose the gate&apos;s direction.</translation>
    </message>
    <message>
        <source>Choose what the gate does when its controller is lost.</source>
        <translation>Choose what the gate does when its controller is lost.</translation>
    </message>
    <message>
        <source>Another gate is already called %1.</source>
        <translation>Another gate is already called %1.</translation>
    </message>
    <message>
        <source>The file does not hold a gate profile: a profile is a JSON object.</source>
        <translation>The file does not hold a gate profile: a profile is a JSON object.</translation>
    </message>
    <message>
        <source>The gate %1 was not found.</source>
        <translation>The gate %1 was not found.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;; a gates file has: %2.</source>
        <translation>Unknown key &quot;%1&quot;; a gates file has: %2.</translation>
    </message>
    <message>
        <source>This is not a GymGate gates file (the format must be &quot;%1&quot;).</source>
        <translation>This is not a GymGate gates file (the format must be &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>This GymGate reads gates files of version %1 only.</source>
        <translation>This GymGate reads gates files of version %1 only.</translation>
    </message>
    <message>
        <source>The file has no list of gates.</source>
        <translation>The file has no list of gates.</translation>
    </message>
    <message>
        <source>Each gate must be a JSON object.</source>
        <translation>Each gate must be a JSON object.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;; a gate has: %2.</source>
        <translation>Unknown key &quot;%1&quot;; a gate has: %2.</translation>
    </message>
    <message>
        <source>There is no zone called &quot;%1&quot; here; the zones are: %2.</source>
        <translation>There is no zone called &quot;%1&quot; here; the zones are: %2.</translation>
    </message>
    <message>
        <source>The gate has no profile.</source>
        <translation>The gate has no profile.</translation>
    </message>
    <message>
        <source>The file does not hold gates: it must be a JSON object.</source>
        <translation>The file does not hold gates: it must be a JSON object.</translation>
    </message>
    <message>
        <source>The file names two gates %1 (gates %2 and %3).</source>
        <translation>The file names two gates %1 (gates %2 and %3).</translation>
    </message>
</context>
<context>
    <name>SqlReportEngine</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>No staff member</source>
        <translation>No staff member</translation>
    </message>
    <message>
        <source>The report could not be read: %1</source>
        <translation>The report could not be read: %1</translation>
    </message>
    <message>
        <source>No card</source>
        <translation>No card</translation>
    </message>
    <message>
        <source>No product</source>
        <translation>No product</translation>
    </message>
    <message>
        <source>Self-service at the gate</source>
        <translation>Self-service at the gate</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>manage staff accounts</source>
        <translation>manage staff accounts</translation>
    </message>
    <message>
        <source>view the audit log</source>
        <translation>view the audit log</translation>
    </message>
    <message>
        <source>view members</source>
        <translation>view members</translation>
    </message>
    <message>
        <source>register or edit members</source>
        <translation>register or edit members</translation>
    </message>
    <message>
        <source>block or unblock members</source>
        <translation>block or unblock members</translation>
    </message>
    <message>
        <source>issue member codes</source>
        <translation>issue member codes</translation>
    </message>
    <message>
        <source>manage card products</source>
        <translation>manage card products</translation>
    </message>
    <message>
        <source>sell or top up cards</source>
        <translation>sell or top up cards</translation>
    </message>
    <message>
        <source>freeze or unfreeze cards</source>
        <translation>freeze or unfreeze cards</translation>
    </message>
    <message>
        <source>cancel cards with a refund</source>
        <translation>cancel cards with a refund</translation>
    </message>
    <message>
        <source>view other staff members&apos; shift reports</source>
        <translation>view other staff members&apos; shift reports</translation>
    </message>
    <message>
        <source>manage venues and maintenance</source>
        <translation>manage venues and maintenance</translation>
    </message>
    <message>
        <source>manage courses and slots</source>
        <translation>manage courses and slots</translation>
    </message>
    <message>
        <source>make or cancel bookings</source>
        <translation>make or cancel bookings</translation>
    </message>
    <message>
        <source>let a member in by hand</source>
        <translation>let a member in by hand</translation>
    </message>
    <message>
        <source>configure and test gates</source>
        <translation>configure and test gates</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Guest</translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>Please log in first.</translation>
    </message>
    <message>
        <source>%1 (%2) may not %3.</source>
        <translation>%1 (%2) may not %3.</translation>
    </message>
    <message>
        <source>see and retry what the hub refused</source>
        <translation>see and retry what the hub refused</translation>
    </message>
    <message>
        <source>enroll this desk with the hub</source>
        <translation>enroll this desk with the hub</translation>
    </message>
    <message>
        <source>declare or reset an emergency, or clear a gate out of order</source>
        <translation>declare or reset an emergency, or clear a gate out of order</translation>
    </message>
    <message>
        <source>view the dashboard and reports</source>
        <translation>view the dashboard and reports</translation>
    </message>
</context>
<context>
    <name>StaffDirectory</name>
    <message>
        <source>Enter a user name.</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <source>The user name may have at most 32 characters.</source>
        <translation>The user name may have at most 32 characters.</translation>
    </message>
    <message>
        <source>The user name may only have letters, digits, dots, dashes and underscores.</source>
        <translation>The user name may only have letters, digits, dots, dashes and underscores.</translation>
    </message>
    <message>
        <source>Enter the name shown on screens and receipts.</source>
        <translation>Enter the name shown on screens and receipts.</translation>
    </message>
    <message>
        <source>The name may have at most 64 characters.</source>
        <translation>The name may have at most 64 characters.</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>The password needs at least %1 characters.</translation>
    </message>
    <message>
        <source>The password needs both letters and digits.</source>
        <translation>The password needs both letters and digits.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Choose a role.</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>The user name or the password is wrong.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins: this account is locked. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many failed logins: this account is locked. Try again in %n minute.</numerusform>
            <numerusform>Too many failed logins: this account is locked. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>Please log in first.</translation>
    </message>
    <message>
        <source>The user name %1 is taken.</source>
        <translation>The user name %1 is taken.</translation>
    </message>
    <message>
        <source>An administrator exists already: log in instead.</source>
        <translation>An administrator exists already: log in instead.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation>This account is disabled. Ask an administrator to enable it.</translation>
    </message>
    <message>
        <source>This staff account does not exist (any more).</source>
        <translation>This staff account does not exist (any more).</translation>
    </message>
    <message>
        <source>Your account is no longer active. Please log in again.</source>
        <translation>Your account is no longer active. Please log in again.</translation>
    </message>
    <message>
        <source>You cannot disable, delete or demote your own account. Ask another administrator.</source>
        <translation>You cannot disable, delete or demote your own account. Ask another administrator.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator. Make someone else an administrator first.</source>
        <translation>%1 is the last active administrator. Make someone else an administrator first.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>The end of the period must come after its start.</source>
        <translation>The end of the period must come after its start.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>StatsModule</name>
    <message>
        <source>The parameter &quot;%1&quot; is not accepted here.</source>
        <translation>The parameter &quot;%1&quot; is not accepted here.</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; is missing.</source>
        <translation>The parameter &quot;%1&quot; is missing.</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must be a date YYYY-MM-DD (2000-2099).</source>
        <translation>The parameter &quot;%1&quot; must be a date YYYY-MM-DD (2000-2099).</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; names no site: %2.</source>
        <translation>The parameter &quot;%1&quot; names no site: %2.</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must not be before &quot;%2&quot;.</source>
        <translation>The parameter &quot;%1&quot; must not be before &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The range from &quot;%1&quot; to &quot;%2&quot; is longer than %3 days.</source>
        <translation>The range from &quot;%1&quot; to &quot;%2&quot; is longer than %3 days.</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; is empty.</source>
        <translation>The parameter &quot;%1&quot; is empty.</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must be one of: %2.</source>
        <translation>The parameter &quot;%1&quot; must be one of: %2.</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must be one of: %2 (the metric &quot;%3&quot; has no other).</source>
        <translation>The parameter &quot;%1&quot; must be one of: %2 (the metric &quot;%3&quot; has no other).</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>An audit record was written outside a transaction.</source>
        <translation>An audit record was written outside a transaction.</translation>
    </message>
    <message>
        <source>An audit record needs an actor and an action.</source>
        <translation>An audit record needs an actor and an action.</translation>
    </message>
    <message>
        <source>The audit record</source>
        <translation>The audit record</translation>
    </message>
    <message>
        <source>The booking</source>
        <translation>The booking</translation>
    </message>
    <message>
        <source>The booking number is missing.</source>
        <translation>The booking number is missing.</translation>
    </message>
    <message>
        <source>The booking status is missing.</source>
        <translation>The booking status is missing.</translation>
    </message>
    <message>
        <source>The booking must end after it starts.</source>
        <translation>The booking must end after it starts.</translation>
    </message>
    <message>
        <source>The card product</source>
        <translation>The card product</translation>
    </message>
    <message>
        <source>The name is missing.</source>
        <translation>The name is missing.</translation>
    </message>
    <message>
        <source>The card kind is missing.</source>
        <translation>The card kind is missing.</translation>
    </message>
    <message>
        <source>The course</source>
        <translation>The course</translation>
    </message>
    <message>
        <source>The course slot</source>
        <translation>The course slot</translation>
    </message>
    <message>
        <source>The slot must end after it starts.</source>
        <translation>The slot must end after it starts.</translation>
    </message>
    <message>
        <source>The capacity must be at least one.</source>
        <translation>The capacity must be at least one.</translation>
    </message>
    <message>
        <source>The course slot is fully booked.</source>
        <translation>The course slot is fully booked.</translation>
    </message>
    <message>
        <source>The course slot has no booking to release.</source>
        <translation>The course slot has no booking to release.</translation>
    </message>
    <message>
        <source>The migration file name %1 is not NNNN_name.sql.</source>
        <translation>The migration file name %1 is not NNNN_name.sql.</translation>
    </message>
    <message>
        <source>The migration %1 cannot be read.</source>
        <translation>The migration %1 cannot be read.</translation>
    </message>
    <message>
        <source>The migrations are not numbered without gaps: expected version %1, found %2 (%3).</source>
        <translation>The migrations are not numbered without gaps: expected version %1, found %2 (%3).</translation>
    </message>
    <message>
        <source>No database file was given.</source>
        <translation>No database file was given.</translation>
    </message>
    <message>
        <source>The database file %1 does not exist.</source>
        <translation>The database file %1 does not exist.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>The folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened: %2</source>
        <translation>The database %1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>The SQLite driver did not expose its connection handle.</source>
        <translation>The SQLite driver did not expose its connection handle.</translation>
    </message>
    <message>
        <source>The journal mode cannot be set: %1</source>
        <translation>The journal mode cannot be set: %1</translation>
    </message>
    <message>
        <source>The database %1 cannot use write-ahead logging (mode %2).</source>
        <translation>The database %1 cannot use write-ahead logging (mode %2).</translation>
    </message>
    <message>
        <source>Schema version %1 was asked for, but the latest known is %2.</source>
        <translation>Schema version %1 was asked for, but the latest known is %2.</translation>
    </message>
    <message>
        <source>The database %1 has schema version %2, but this GymGate knows versions up to %3 only. Please install a newer GymGate; the file was not changed.</source>
        <translation>The database %1 has schema version %2, but this GymGate knows versions up to %3 only. Please install a newer GymGate; the file was not changed.</translation>
    </message>
    <message>
        <source>The database could not be backed up before the upgrade, so it was not changed: %1</source>
        <translation>The database could not be backed up before the upgrade, so it was not changed: %1</translation>
    </message>
    <message>
        <source>The migration %1 failed, the database was left at version %2: %3</source>
        <translation>The migration %1 failed, the database was left at version %2: %3</translation>
    </message>
    <message>
        <source>The upgrade could not be committed, the database was left at version %1: %2</source>
        <translation>The upgrade could not be committed, the database was left at version %1: %2</translation>
    </message>
    <message>
        <source>The schema version cannot be read</source>
        <translation>The schema version cannot be read</translation>
    </message>
    <message>
        <source>The database reported an error: %1</source>
        <translation>The database reported an error: %1</translation>
    </message>
    <message>
        <source>The query returned no row.</source>
        <translation>The query returned no row.</translation>
    </message>
    <message>
        <source>No backup file was given.</source>
        <translation>No backup file was given.</translation>
    </message>
    <message>
        <source>A database cannot be backed up onto itself.</source>
        <translation>A database cannot be backed up onto itself.</translation>
    </message>
    <message>
        <source>The backup file %1 cannot be created: %2</source>
        <translation>The backup file %1 cannot be created: %2</translation>
    </message>
    <message>
        <source>The backup to %1 cannot start: %2</source>
        <translation>The backup to %1 cannot start: %2</translation>
    </message>
    <message>
        <source>The backup to %1 failed: %2</source>
        <translation>The backup to %1 failed: %2</translation>
    </message>
    <message>
        <source>The integrity check could not run: %1</source>
        <translation>The integrity check could not run: %1</translation>
    </message>
    <message>
        <source>The gate</source>
        <translation>The gate</translation>
    </message>
    <message>
        <source>The gate has no zone.</source>
        <translation>The gate has no zone.</translation>
    </message>
    <message>
        <source>The gate direction is missing.</source>
        <translation>The gate direction is missing.</translation>
    </message>
    <message>
        <source>The fail mode is missing.</source>
        <translation>The fail mode is missing.</translation>
    </message>
    <message>
        <source>The key id is missing.</source>
        <translation>The key id is missing.</translation>
    </message>
    <message>
        <source>A public key must be 32 bytes long.</source>
        <translation>A public key must be 32 bytes long.</translation>
    </message>
    <message>
        <source>The key %1</source>
        <translation>The key %1</translation>
    </message>
    <message>
        <source>The credential id is missing.</source>
        <translation>The credential id is missing.</translation>
    </message>
    <message>
        <source>Only card codes and app tokens are stored.</source>
        <translation>Only card codes and app tokens are stored.</translation>
    </message>
    <message>
        <source>The credential</source>
        <translation>The credential</translation>
    </message>
    <message>
        <source>The member card</source>
        <translation>The member card</translation>
    </message>
    <message>
        <source>The card number is missing.</source>
        <translation>The card number is missing.</translation>
    </message>
    <message>
        <source>The card has no member.</source>
        <translation>The card has no member.</translation>
    </message>
    <message>
        <source>The card status is missing.</source>
        <translation>The card status is missing.</translation>
    </message>
    <message>
        <source>The member</source>
        <translation>The member</translation>
    </message>
    <message>
        <source>The member number is missing.</source>
        <translation>The member number is missing.</translation>
    </message>
    <message>
        <source>The phone number is missing.</source>
        <translation>The phone number is missing.</translation>
    </message>
    <message>
        <source>The queued event</source>
        <translation>The queued event</translation>
    </message>
    <message>
        <source>An outbox event was written outside a transaction.</source>
        <translation>An outbox event was written outside a transaction.</translation>
    </message>
    <message>
        <source>The event has no type.</source>
        <translation>The event has no type.</translation>
    </message>
    <message>
        <source>The failed event</source>
        <translation>The failed event</translation>
    </message>
    <message>
        <source>The receipt number is missing.</source>
        <translation>The receipt number is missing.</translation>
    </message>
    <message>
        <source>The kind of payment is missing.</source>
        <translation>The kind of payment is missing.</translation>
    </message>
    <message>
        <source>The payment method is missing.</source>
        <translation>The payment method is missing.</translation>
    </message>
    <message>
        <source>The setting has no name.</source>
        <translation>The setting has no name.</translation>
    </message>
    <message>
        <source>The zone %1 is not configured.</source>
        <translation>The zone %1 is not configured.</translation>
    </message>
    <message>
        <source>The entry</source>
        <translation>The entry</translation>
    </message>
    <message>
        <source>The entry is %1 and can no longer change.</source>
        <translation>The entry is %1 and can no longer change.</translation>
    </message>
    <message>
        <source>A decision is stored as denied or pending.</source>
        <translation>A decision is stored as denied or pending.</translation>
    </message>
    <message>
        <source>The entry has no zone.</source>
        <translation>The entry has no zone.</translation>
    </message>
    <message>
        <source>The entry has no direction.</source>
        <translation>The entry has no direction.</translation>
    </message>
    <message>
        <source>The entry has no reason.</source>
        <translation>The entry has no reason.</translation>
    </message>
    <message>
        <source>A deduction cannot be negative.</source>
        <translation>A deduction cannot be negative.</translation>
    </message>
    <message>
        <source>Only a pending entry with a card can be charged.</source>
        <translation>Only a pending entry with a card can be charged.</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>This code has already been used.</translation>
    </message>
    <message>
        <source>The card can no longer pay for this entry.</source>
        <translation>The card can no longer pay for this entry.</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>member number</source>
        <translation>member number</translation>
    </message>
    <message>
        <source>card number</source>
        <translation>card number</translation>
    </message>
    <message>
        <source>booking number</source>
        <translation>booking number</translation>
    </message>
    <message>
        <source>receipt number</source>
        <translation>receipt number</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>event id</source>
        <translation>event id</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>%1 was not found.</source>
        <translation>%1 was not found.</translation>
    </message>
    <message>
        <source>A record with this %1 already exists.</source>
        <translation>A record with this %1 already exists.</translation>
    </message>
    <message>
        <source>The record refers to something that does not exist or is still referred to by other records.</source>
        <translation>The record refers to something that does not exist or is still referred to by other records.</translation>
    </message>
    <message>
        <source>The value of %1 is not allowed.</source>
        <translation>The value of %1 is not allowed.</translation>
    </message>
    <message>
        <source>The change conflicts with stored data: %1</source>
        <translation>The change conflicts with stored data: %1</translation>
    </message>
    <message>
        <source>The stored %1 is damaged: %2</source>
        <translation>The stored %1 is damaged: %2</translation>
    </message>
    <message>
        <source>The staff account</source>
        <translation>The staff account</translation>
    </message>
    <message>
        <source>The user name is missing.</source>
        <translation>The user name is missing.</translation>
    </message>
    <message>
        <source>The password is missing.</source>
        <translation>The password is missing.</translation>
    </message>
    <message>
        <source>The role is missing.</source>
        <translation>The role is missing.</translation>
    </message>
    <message>
        <source>The account status is missing.</source>
        <translation>The account status is missing.</translation>
    </message>
    <message>
        <source>The venue</source>
        <translation>The venue</translation>
    </message>
    <message>
        <source>The venue kind is missing.</source>
        <translation>The venue kind is missing.</translation>
    </message>
    <message>
        <source>The venue status is missing.</source>
        <translation>The venue status is missing.</translation>
    </message>
    <message>
        <source>The anti-passback mode is missing.</source>
        <translation>The anti-passback mode is missing.</translation>
    </message>
    <message>
        <source>The maintenance must end after it starts.</source>
        <translation>The maintenance must end after it starts.</translation>
    </message>
    <message>
        <source>The maintenance plan</source>
        <translation>The maintenance plan</translation>
    </message>
    <message>
        <source>The connection name %1 is already in use.</source>
        <translation>The connection name %1 is already in use.</translation>
    </message>
    <message>
        <source>The write-ahead log could not be checkpointed: %1</source>
        <translation>The write-ahead log could not be checkpointed: %1</translation>
    </message>
    <message>
        <source>No failed event %1.</source>
        <translation>No failed event %1.</translation>
    </message>
    <message>
        <source>The device id is missing.</source>
        <translation>The device id is missing.</translation>
    </message>
    <message>
        <source>The notice has no kind.</source>
        <translation>The notice has no kind.</translation>
    </message>
    <message>
        <source>The notice has no message.</source>
        <translation>The notice has no message.</translation>
    </message>
    <message>
        <source>The notice&apos;s detail must be a JSON object.</source>
        <translation>The notice&apos;s detail must be a JSON object.</translation>
    </message>
    <message>
        <source>No sync notice %1.</source>
        <translation>No sync notice %1.</translation>
    </message>
    <message>
        <source>The sync notice %1 is acknowledged already.</source>
        <translation>The sync notice %1 is acknowledged already.</translation>
    </message>
    <message>
        <source>The sync notice</source>
        <translation>The sync notice</translation>
    </message>
</context>
<context>
    <name>SupervisorGateControl</name>
    <message>
        <source>Say why you declare the emergency.</source>
        <translation>Say why you declare the emergency.</translation>
    </message>
    <message>
        <source>The reason is too long (at most %1 characters).</source>
        <translation>The reason is too long (at most %1 characters).</translation>
    </message>
    <message>
        <source>The emergency is already on: every gate is free.</source>
        <translation>The emergency is already on: every gate is free.</translation>
    </message>
    <message>
        <source>There is no emergency to reset.</source>
        <translation>There is no emergency to reset.</translation>
    </message>
    <message>
        <source>This desk&apos;s gate service does not drive that gate.</source>
        <translation>This desk&apos;s gate service does not drive that gate.</translation>
    </message>
    <message>
        <source>Every gate is free during the emergency. Reset the emergency first, then clear %1.</source>
        <translation>Every gate is free during the emergency. Reset the emergency first, then clear %1.</translation>
    </message>
    <message>
        <source>%1 is not out of order.</source>
        <translation>%1 is not out of order.</translation>
    </message>
    <message>
        <source>This desk drives no gate.</source>
        <translation>This desk drives no gate.</translation>
    </message>
</context>
<context>
    <name>SyncJson</name>
    <message>
        <source>The event&apos;s data.%1 is not a list of opening windows: %2</source>
        <translation>The event&apos;s data.%1 is not a list of opening windows: %2</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be a list of ids.</source>
        <translation>The event&apos;s data.%1 must be a list of ids.</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be base64.</source>
        <translation>The event&apos;s data.%1 must be base64.</translation>
    </message>
    <message>
        <source>The event&apos;s data.endMs must be after data.startMs.</source>
        <translation>The event&apos;s data.endMs must be after data.startMs.</translation>
    </message>
    <message>
        <source>The event&apos;s data.birthday must be a date (YYYY-MM-DD).</source>
        <translation>The event&apos;s data.birthday must be a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>The event&apos;s data.reason is not a known reason code.</source>
        <translation>The event&apos;s data.reason is not a known reason code.</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 is missing.</source>
        <translation>The event&apos;s data.%1 is missing.</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be an id of at most %2 characters.</source>
        <translation>The event&apos;s data.%1 must be an id of at most %2 characters.</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be a text.</source>
        <translation>The event&apos;s data.%1 must be a text.</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 is longer than %2 characters.</source>
        <translation>The event&apos;s data.%1 is longer than %2 characters.</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 is empty.</source>
        <translation>The event&apos;s data.%1 is empty.</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be one of: %2.</source>
        <translation>The event&apos;s data.%1 must be one of: %2.</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be an integer from %2 to %3.</source>
        <translation>The event&apos;s data.%1 must be an integer from %2 to %3.</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be true or false.</source>
        <translation>The event&apos;s data.%1 must be true or false.</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be a JSON array.</source>
        <translation>The event&apos;s data.%1 must be a JSON array.</translation>
    </message>
</context>
<context>
    <name>SyncModule</name>
    <message>
        <source>An event must be a JSON object.</source>
        <translation>An event must be a JSON object.</translation>
    </message>
    <message>
        <source>The event member %1 is unknown.</source>
        <translation>The event member %1 is unknown.</translation>
    </message>
    <message>
        <source>The event&apos;s id must be a UUID.</source>
        <translation>The event&apos;s id must be a UUID.</translation>
    </message>
    <message>
        <source>The event&apos;s type must be a text of 1 to 64 characters.</source>
        <translation>The event&apos;s type must be a text of 1 to 64 characters.</translation>
    </message>
    <message>
        <source>The event&apos;s at must be a time in UTC milliseconds.</source>
        <translation>The event&apos;s at must be a time in UTC milliseconds.</translation>
    </message>
    <message>
        <source>The event&apos;s device is missing.</source>
        <translation>The event&apos;s device is missing.</translation>
    </message>
    <message>
        <source>The event&apos;s staff must be a staff id.</source>
        <translation>The event&apos;s staff must be a staff id.</translation>
    </message>
    <message>
        <source>The event&apos;s data must be a JSON object.</source>
        <translation>The event&apos;s data must be a JSON object.</translation>
    </message>
    <message>
        <source>events must be an array of 1 to %1 events.</source>
        <translation>events must be an array of 1 to %1 events.</translation>
    </message>
    <message>
        <source>The event&apos;s device is not the device of the token.</source>
        <translation>The event&apos;s device is not the device of the token.</translation>
    </message>
    <message>
        <source>The parameter &quot;kind&quot; is longer than 64 characters.</source>
        <translation>The parameter &quot;kind&quot; is longer than 64 characters.</translation>
    </message>
    <message>
        <source>There is no flag %1.</source>
        <translation>There is no flag %1.</translation>
    </message>
    <message>
        <source>The flag %1 is resolved already.</source>
        <translation>The flag %1 is resolved already.</translation>
    </message>
</context>
<context>
    <name>TechShots</name>
    <message>
        <source>Saves a PNG of the technician console&apos;s screens against gymgate-gatesim.</source>
        <translation>Saves a PNG of the technician console&apos;s screens against gymgate-gatesim.</translation>
    </message>
    <message>
        <source>Directory for the PNG files.</source>
        <translation>Directory for the PNG files.</translation>
    </message>
    <message>
        <source>Window size, WIDTHxHEIGHT.</source>
        <translation>Window size, WIDTHxHEIGHT.</translation>
    </message>
    <message>
        <source>Interface language (zh_CN or en).</source>
        <translation>Interface language (zh_CN or en).</translation>
    </message>
    <message>
        <source>The gymgate-gatesim program.</source>
        <translation>The gymgate-gatesim program.</translation>
    </message>
    <message>
        <source>Bad --size or --lang (see --help).</source>
        <translation>Bad --size or --lang (see --help).</translation>
    </message>
    <message>
        <source>Gym floor</source>
        <translation>Gym floor</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>North turnstile</source>
        <translation>North turnstile</translation>
    </message>
    <message>
        <source>South exit</source>
        <translation>South exit</translation>
    </message>
    <message>
        <source>Pool door</source>
        <translation>Pool door</translation>
    </message>
    <message>
        <source>The simulator did not answer.</source>
        <translation>The simulator did not answer.</translation>
    </message>
    <message>
        <source>Evacuation drill</source>
        <translation>Evacuation drill</translation>
    </message>
    <message>
        <source>Cannot start %1</source>
        <translation>Cannot start %1</translation>
    </message>
    <message>
        <source>Wang Lei</source>
        <translation>Wang Lei</translation>
    </message>
</context>
<context>
    <name>UserModule</name>
    <message>
        <source>No user %1.</source>
        <translation>No user %1.</translation>
    </message>
    <message>
        <source>The field &quot;role&quot; must be admin, staff, technician or guest.</source>
        <translation>The field &quot;role&quot; must be admin, staff, technician or guest.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be active or disabled.</source>
        <translation>The field &quot;%1&quot; must be active or disabled.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must have at least %2 characters.</source>
        <translation>The field &quot;%1&quot; must have at least %2 characters.</translation>
    </message>
    <message>
        <source>The field &quot;username&quot; must be 1 to 64 characters without spaces.</source>
        <translation>The field &quot;username&quot; must be 1 to 64 characters without spaces.</translation>
    </message>
    <message>
        <source>The field &quot;siteId&quot; names no site (%1).</source>
        <translation>The field &quot;siteId&quot; names no site (%1).</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>demoted</source>
        <translation>demoted</translation>
    </message>
    <message>
        <source>Your own account cannot be %1; ask another admin.</source>
        <translation>Your own account cannot be %1; ask another admin.</translation>
    </message>
    <message>
        <source>%1 is the last active admin and cannot be %2.</source>
        <translation>%1 is the last active admin and cannot be %2.</translation>
    </message>
    <message>
        <source>The parameter &quot;role&quot; must be admin, staff, technician or guest.</source>
        <translation>The parameter &quot;role&quot; must be admin, staff, technician or guest.</translation>
    </message>
    <message>
        <source>The username %1 is taken.</source>
        <translation>The username %1 is taken.</translation>
    </message>
    <message>
        <source>Your account is gone.</source>
        <translation>Your account is gone.</translation>
    </message>
    <message>
        <source>The field &quot;currentPassword&quot; is not your current password.</source>
        <translation>The field &quot;currentPassword&quot; is not your current password.</translation>
    </message>
</context>
<context>
    <name>VenueModule</name>
    <message>
        <source>The field &quot;openingHours&quot; must be a list of {days, from, to} windows.</source>
        <translation>The field &quot;openingHours&quot; must be a list of {days, from, to} windows.</translation>
    </message>
    <message>
        <source>The field &quot;status&quot; must be open, closed or maintenance.</source>
        <translation>The field &quot;status&quot; must be open, closed or maintenance.</translation>
    </message>
    <message>
        <source>The field &quot;kind&quot; must be gym_floor, studio, court, pool or other.</source>
        <translation>The field &quot;kind&quot; must be gym_floor, studio, court, pool or other.</translation>
    </message>
    <message>
        <source>The venue %1 does not exist.</source>
        <translation>The venue %1 does not exist.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is missing.</source>
        <translation>The field &quot;%1&quot; is missing.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be UTC milliseconds or an ISO 8601 time.</source>
        <translation>The field &quot;%1&quot; must be UTC milliseconds or an ISO 8601 time.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not an ISO 8601 time like 2026-03-05T10:00:00+08:00.</source>
        <translation>The field &quot;%1&quot; is not an ISO 8601 time like 2026-03-05T10:00:00+08:00.</translation>
    </message>
    <message>
        <source>The venue still has bookings or classes to come; cancel them first.</source>
        <translation>The venue still has bookings or classes to come; cancel them first.</translation>
    </message>
    <message>
        <source>The maintenance must end after it starts.</source>
        <translation>The maintenance must end after it starts.</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) or class(es) fall inside this period; move or cancel them first.</source>
        <translation>
            <numerusform>%n booking or class falls inside this period; move or cancel it first.</numerusform>
            <numerusform>%n bookings or classes fall inside this period; move or cancel them first.</numerusform>
        </translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must be a date like 2026-03-05.</source>
        <translation>The parameter &quot;%1&quot; must be a date like 2026-03-05.</translation>
    </message>
    <message>
        <source>The parameter &quot;to&quot; must not be before &quot;from&quot;.</source>
        <translation>The parameter &quot;to&quot; must not be before &quot;from&quot;.</translation>
    </message>
    <message>
        <source>The calendar covers at most %1 days.</source>
        <translation>The calendar covers at most %1 days.</translation>
    </message>
</context>
<context>
    <name>WeeklySchedule</name>
    <message>
        <source>The schedule must be a JSON list of time windows.</source>
        <translation>The schedule must be a JSON list of time windows.</translation>
    </message>
    <message>
        <source>Each time window must be an object.</source>
        <translation>Each time window must be an object.</translation>
    </message>
    <message>
        <source>Days must be weekday numbers 1-7, like &quot;1-5&quot; or &quot;6,7&quot;.</source>
        <translation>Days must be weekday numbers 1-7, like &quot;1-5&quot; or &quot;6,7&quot;.</translation>
    </message>
    <message>
        <source>The start time must be HH:MM between 00:00 and 23:59.</source>
        <translation>The start time must be HH:MM between 00:00 and 23:59.</translation>
    </message>
    <message>
        <source>The end time must be HH:MM up to 24:00 and differ from the start time.</source>
        <translation>The end time must be HH:MM up to 24:00 and differ from the start time.</translation>
    </message>
</context>
<context>
    <name>gymgate::AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Who:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>any action</source>
        <translation>any action</translation>
    </message>
    <message>
        <source>Filter the rows shown</source>
        <translation>Filter the rows shown</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>&amp;Verify chain</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>OK: all %n entries are as written.</source>
        <translation>
            <numerusform>OK: the %n entry is as written.</numerusform>
            <numerusform>OK: all %n entries are as written.</numerusform>
        </translation>
    </message>
    <message>
        <source>Broken at entry #%1: it was changed or removed after it was written.</source>
        <translation>Broken at entry #%1: it was changed or removed after it was written.</translation>
    </message>
</context>
<context>
    <name>gymgate::BookingsPage</name>
    <message>
        <source>Booked</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation>&amp;Class</translation>
    </message>
    <message>
        <source>&amp;Venue time</source>
        <translation>&amp;Venue time</translation>
    </message>
    <message>
        <source>&amp;Weekly for</source>
        <translation>&amp;Weekly for</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> weeks</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Book</translation>
    </message>
    <message>
        <source>Join &amp;waiting list</source>
        <translation>Join &amp;waiting list</translation>
    </message>
    <message>
        <source>Filter classes</source>
        <translation>Filter classes</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>V&amp;enue</source>
        <translation>V&amp;enue</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>D&amp;ate</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Until</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <source>&amp;Cancel booking</source>
        <translation>&amp;Cancel booking</translation>
    </message>
    <message>
        <source>Place in line</source>
        <translation>Place in line</translation>
    </message>
    <message>
        <source>&amp;Leave waiting list</source>
        <translation>&amp;Leave waiting list</translation>
    </message>
    <message>
        <source>The member&apos;s bookings</source>
        <translation>The member&apos;s bookings</translation>
    </message>
    <message>
        <source>Waiting lists</source>
        <translation>Waiting lists</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Choose a member first.</source>
        <translation>Choose a member first.</translation>
    </message>
    <message>
        <source>Member: %1 %2</source>
        <translation>Member: %1 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose a class in the list.</source>
        <translation>Choose a class in the list.</translation>
    </message>
    <message numerus="yes">
        <source>Booked %n week(s), from %1.</source>
        <translation>
            <numerusform>Booked %n week, from %1.</numerusform>
            <numerusform>Booked %n weeks, from %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Booked: %1, %2.</source>
        <translation>Booked: %1, %2.</translation>
    </message>
    <message>
        <source>On the waiting list, number %1 in line.</source>
        <translation>On the waiting list, number %1 in line.</translation>
    </message>
    <message>
        <source>Choose a booking in the list.</source>
        <translation>Choose a booking in the list.</translation>
    </message>
    <message>
        <source>Cancelled %1.</source>
        <translation>Cancelled %1.</translation>
    </message>
    <message>
        <source>Late cancellation: penalty %1 yuan.</source>
        <translation>Late cancellation: penalty %1 yuan.</translation>
    </message>
    <message>
        <source>%1 got the place from the waiting list (%2).</source>
        <translation>%1 got the place from the waiting list (%2).</translation>
    </message>
    <message>
        <source>Left the waiting list.</source>
        <translation>Left the waiting list.</translation>
    </message>
    <message>
        <source>Rejected by the hub</source>
        <translation>Rejected by the hub</translation>
    </message>
</context>
<context>
    <name>gymgate::BridgeGateTester</name>
    <message>
        <source>A diagnostics session is already open; close it first.</source>
        <translation>A diagnostics session is already open; close it first.</translation>
    </message>
    <message>
        <source>The gate&apos;s profile is not valid: %1</source>
        <translation>The gate&apos;s profile is not valid: %1</translation>
    </message>
    <message>
        <source>Relay and turnstile-registers gates are diagnosed over a modbus-tcp or modbus-rtu transport.</source>
        <translation>Relay and turnstile-registers gates are diagnosed over a modbus-tcp or modbus-rtu transport.</translation>
    </message>
    <message>
        <source>Serial-text boards are diagnosed over a serial transport.</source>
        <translation>Serial-text boards are diagnosed over a serial transport.</translation>
    </message>
    <message>
        <source>Diagnostics need a relay, turnstile-registers or serial-text profile.</source>
        <translation>Diagnostics need a relay, turnstile-registers or serial-text profile.</translation>
    </message>
    <message>
        <source>Session closed</source>
        <translation>Session closed</translation>
    </message>
    <message>
        <source>Busy: a test command is running</source>
        <translation>Busy: a test command is running</translation>
    </message>
    <message>
        <source>Busy: a bus scan is running</source>
        <translation>Busy: a bus scan is running</translation>
    </message>
    <message>
        <source>Busy: the self-test is running</source>
        <translation>Busy: the self-test is running</translation>
    </message>
    <message>
        <source>No diagnostics session is open</source>
        <translation>No diagnostics session is open</translation>
    </message>
    <message>
        <source>No test command given</source>
        <translation>No test command given</translation>
    </message>
    <message>
        <source>Slave ids to scan must be within 1..247, from not above to</source>
        <translation>Slave ids to scan must be within 1..247, from not above to</translation>
    </message>
    <message>
        <source>start</source>
        <translation>start</translation>
    </message>
    <message>
        <source>Emergency: the diagnostics session ended so that the gate service frees every gate.</source>
        <translation>Emergency: the diagnostics session ended so that the gate service frees every gate.</translation>
    </message>
    <message>
        <source>The fire input is active: the diagnostics session ended so that the gate service sees it.</source>
        <translation>The fire input is active: the diagnostics session ended so that the gate service sees it.</translation>
    </message>
</context>
<context>
    <name>gymgate::CalendarView</name>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Venue</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>%1 %2/%3 (+%4 waiting)</source>
        <translation>%1 %2/%3 (+%4 waiting)</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Maintenance: %1</source>
        <translation>Maintenance: %1</translation>
    </message>
</context>
<context>
    <name>gymgate::CameraScanSource</name>
    <message>
        <source>No camera is connected.</source>
        <translation>No camera is connected.</translation>
    </message>
    <message>
        <source>The camera %1 is not connected.</source>
        <translation>The camera %1 is not connected.</translation>
    </message>
    <message>
        <source>Camera error: %1</source>
        <translation>Camera error: %1</translation>
    </message>
</context>
<context>
    <name>gymgate::CheckInPage</name>
    <message>
        <source>Manual check-in</source>
        <translation>Manual check-in</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Let the member in</source>
        <translation>Let the member in</translation>
    </message>
    <message>
        <source>Forgot the phone</source>
        <translation>Forgot the phone</translation>
    </message>
    <message>
        <source>Scanner fault</source>
        <translation>Scanner fault</translation>
    </message>
    <message>
        <source>System fault</source>
        <translation>System fault</translation>
    </message>
    <message>
        <source>Find a member first (Members page).</source>
        <translation>Find a member first (Members page).</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>Member: %1</translation>
    </message>
    <message>
        <source>Not let in: %1 %2</source>
        <translation>Not let in: %1 %2</translation>
    </message>
    <message>
        <source>The gate is open: the member may walk through.</source>
        <translation>The gate is open: the member may walk through.</translation>
    </message>
    <message>
        <source>The member went through; the visit was recorded.</source>
        <translation>The member went through; the visit was recorded.</translation>
    </message>
    <message>
        <source>Nobody went through; nothing was charged.</source>
        <translation>Nobody went through; nothing was charged.</translation>
    </message>
    <message>
        <source>The gate failed (%1); nothing was charged.</source>
        <translation>The gate failed (%1); nothing was charged.</translation>
    </message>
</context>
<context>
    <name>gymgate::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>People inside now:</source>
        <translation>People inside now:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>By zone</source>
        <translation>By zone</translation>
    </message>
    <message>
        <source>Entries today by hour</source>
        <translation>Entries today by hour</translation>
    </message>
    <message>
        <source>Denials today by reason</source>
        <translation>Denials today by reason</translation>
    </message>
    <message>
        <source>Sales today</source>
        <translation>Sales today</translation>
    </message>
    <message>
        <source>Today&apos;s classes</source>
        <translation>Today&apos;s classes</translation>
    </message>
    <message>
        <source>Venues under maintenance</source>
        <translation>Venues under maintenance</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>People inside</source>
        <translation>People inside</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Denials</source>
        <translation>Denials</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Fill rate</source>
        <translation>Fill rate</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Updated at %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>Net revenue today: %1 yuan (%n sale(s))</source>
        <translation>
            <numerusform>Net revenue today: %1 yuan (%n sale)</numerusform>
            <numerusform>Net revenue today: %1 yuan (%n sales)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>closed for maintenance</source>
        <translation>closed for maintenance</translation>
    </message>
    <message>
        <source>from %1 until %2</source>
        <translation>from %1 until %2</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>gymgate::DemoPanel</name>
    <message>
        <source>GymGate demo: member codes</source>
        <translation>GymGate demo: member codes</translation>
    </message>
    <message>
        <source>%1 at %2 (expected: %3)</source>
        <translation>%1 at %2 (expected: %3)</translation>
    </message>
    <message>
        <source>Present this code at its gate</source>
        <translation>Present this code at its gate</translation>
    </message>
    <message>
        <source>Scan an image file...</source>
        <translation>Scan an image file...</translation>
    </message>
    <message>
        <source>Reset the emergency (staff)</source>
        <translation>Reset the emergency (staff)</translation>
    </message>
    <message>
        <source>The code could not be read back from its image.</source>
        <translation>The code could not be read back from its image.</translation>
    </message>
    <message>
        <source>Presented at %1.</source>
        <translation>Presented at %1.</translation>
    </message>
    <message>
        <source>Scan an image file</source>
        <translation>Scan an image file</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <source>Read a code from %1.</source>
        <translation>Read a code from %1.</translation>
    </message>
    <message>
        <source>The emergency is over.</source>
        <translation>The emergency is over.</translation>
    </message>
</context>
<context>
    <name>gymgate::DeskWindow</name>
    <message>
        <source>GymGate front desk</source>
        <translation>GymGate front desk</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>Member: %1</translation>
    </message>
</context>
<context>
    <name>gymgate::EnrollDialog</name>
    <message>
        <source>Hub address: start it with http:// or https://, like https://hub.example.com.</source>
        <translation>Hub address: start it with http:// or https://, like https://hub.example.com.</translation>
    </message>
    <message>
        <source>Hub address: a host name is missing, like https://hub.example.com.</source>
        <translation>Hub address: a host name is missing, like https://hub.example.com.</translation>
    </message>
    <message>
        <source>Hub address: only the scheme, the host and the port, like https://hub.example.com:8443.</source>
        <translation>Hub address: only the scheme, the host and the port, like https://hub.example.com:8443.</translation>
    </message>
    <message>
        <source>Enrollment code: &quot;%1&quot; is not used in codes (they have no 0, 1, I, L or O).</source>
        <translation>Enrollment code: &quot;%1&quot; is not used in codes (they have no 0, 1, I, L or O).</translation>
    </message>
    <message>
        <source>Enrollment code: it has %1 characters, %2 typed so far.</source>
        <translation>Enrollment code: it has %1 characters, %2 typed so far.</translation>
    </message>
    <message>
        <source>Device name: at most %1 characters.</source>
        <translation>Device name: at most %1 characters.</translation>
    </message>
    <message>
        <source>Enroll with the hub</source>
        <translation>Enroll with the hub</translation>
    </message>
    <message>
        <source>An admin makes a one-time enrollment code on the hub for this site. Type the hub&apos;s address and the code; this desk then syncs with the hub.</source>
        <translation>An admin makes a one-time enrollment code on the hub for this site. Type the hub&apos;s address and the code; this desk then syncs with the hub.</translation>
    </message>
    <message>
        <source>&amp;Hub address:</source>
        <translation>&amp;Hub address:</translation>
    </message>
    <message>
        <source>Enrollment &amp;code:</source>
        <translation>Enrollment &amp;code:</translation>
    </message>
    <message>
        <source>&amp;Device name:</source>
        <translation>&amp;Device name:</translation>
    </message>
    <message>
        <source>the name given with the code</source>
        <translation>the name given with the code</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation>&amp;Enroll</translation>
    </message>
    <message>
        <source>Asking the hub…</source>
        <translation>Asking the hub…</translation>
    </message>
    <message>
        <source>Enrolling with the hub…</source>
        <translation>Enrolling with the hub…</translation>
    </message>
    <message>
        <source>Connected: GymGate hub %1.</source>
        <translation>Connected: GymGate hub %1.</translation>
    </message>
    <message>
        <source>Enrolled: this desk now syncs with the hub.</source>
        <translation>Enrolled: this desk now syncs with the hub.</translation>
    </message>
    <message>
        <source>The hub refused the enrollment.</source>
        <translation>The hub refused the enrollment.</translation>
    </message>
</context>
<context>
    <name>gymgate::FirstRunWizard</name>
    <message>
        <source>Welcome to GymGate</source>
        <translation>Welcome to GymGate</translation>
    </message>
    <message>
        <source>No administrator exists yet. Create the administrator account: it manages staff accounts, products, venues and settings.</source>
        <translation>No administrator exists yet. Create the administrator account: it manages staff accounts, products, venues and settings.</translation>
    </message>
    <message>
        <source>at least %1 characters, letters and digits</source>
        <translation>at least %1 characters, letters and digits</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Name shown:</source>
        <translation>&amp;Name shown:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>&amp;Create administrator</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>gymgate::GateDiagnosticsPage</name>
    <message>
        <source>Slave %1 answered</source>
        <translation>Slave %1 answered</translation>
    </message>
    <message>
        <source>Gate diagnostics</source>
        <translation>Gate diagnostics</translation>
    </message>
    <message>
        <source>Export frames</source>
        <translation>Export frames</translation>
    </message>
    <message>
        <source>gate-frames.txt</source>
        <translation>gate-frames.txt</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Text files (*.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Release the gate for one person coming in and wait for the passage</source>
        <translation>Release the gate for one person coming in and wait for the passage</translation>
    </message>
    <message>
        <source>Release the gate for one person going out and wait for the passage</source>
        <translation>Release the gate for one person going out and wait for the passage</translation>
    </message>
    <message>
        <source>Free passage both ways until Normal</source>
        <translation>Free passage both ways until Normal</translation>
    </message>
    <message>
        <source>Block the gate until Normal</source>
        <translation>Block the gate until Normal</translation>
    </message>
    <message>
        <source>Back to normal operation</source>
        <translation>Back to normal operation</translation>
    </message>
    <message>
        <source>&amp;I/O monitor</source>
        <translation>&amp;I/O monitor</translation>
    </message>
    <message>
        <source>&amp;Frames</source>
        <translation>&amp;Frames</translation>
    </message>
    <message>
        <source>&amp;Bus scan</source>
        <translation>&amp;Bus scan</translation>
    </message>
    <message>
        <source>&amp;Self-test</source>
        <translation>&amp;Self-test</translation>
    </message>
    <message>
        <source>Read the inputs continuously</source>
        <translation>Read the inputs continuously</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Capture frames</source>
        <translation>Capture frames</translation>
    </message>
    <message>
        <source>Show every request and answer on the line (a busy bus prints a lot)</source>
        <translation>Show every request and answer on the line (a busy bus prints a lot)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Filter frames (e.g. TX, RX, 01 03)</source>
        <translation>Filter frames (e.g. TX, RX, 01 03)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Saves the frames the list shows (the filter applies), one per line</source>
        <translation>Saves the frames the list shows (the filter applies), one per line</translation>
    </message>
    <message>
        <source>Slave ids &amp;from</source>
        <translation>Slave ids &amp;from</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;to</translation>
    </message>
    <message>
        <source>Start s&amp;can</source>
        <translation>Start s&amp;can</translation>
    </message>
    <message>
        <source>Cancel scan</source>
        <translation>Cancel scan</translation>
    </message>
    <message>
        <source>Ask every slave id in the range on this line; over RTU an absent id costs the answer timeout</source>
        <translation>Ask every slave id in the range on this line; over RTU an absent id costs the answer timeout</translation>
    </message>
    <message>
        <source>&amp;Run self-test</source>
        <translation>&amp;Run self-test</translation>
    </message>
    <message>
        <source>Cancel self-test</source>
        <translation>Cancel self-test</translation>
    </message>
    <message>
        <source>Connect, read the inputs, check the fire input, open the entry and wait for a person to pass; the result is stored on the gate</source>
        <translation>Connect, read the inputs, check the fire input, open the entry and wait for a person to pass; the result is stored on the gate</translation>
    </message>
    <message>
        <source>Disconnected from %1.</source>
        <translation>Disconnected from %1.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Disconnect</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Open in</source>
        <translation>Open in</translation>
    </message>
    <message>
        <source>Open out</source>
        <translation>Open out</translation>
    </message>
    <message>
        <source>Free passage</source>
        <translation>Free passage</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>%1: waiting for the gate…</source>
        <translation>%1: waiting for the gate…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Coil</source>
        <translation>Coil</translation>
    </message>
    <message>
        <source>Discrete input</source>
        <translation>Discrete input</translation>
    </message>
    <message>
        <source>Holding register</source>
        <translation>Holding register</translation>
    </message>
    <message>
        <source>Input register</source>
        <translation>Input register</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Entries counted: %1</source>
        <translation>Entries counted: %1</translation>
    </message>
    <message>
        <source>Exits counted: %1</source>
        <translation>Exits counted: %1</translation>
    </message>
    <message>
        <source>Fire alarm: —</source>
        <translation>Fire alarm: —</translation>
    </message>
    <message>
        <source>Fire alarm: ACTIVE</source>
        <translation>Fire alarm: ACTIVE</translation>
    </message>
    <message>
        <source>Fire alarm: quiet</source>
        <translation>Fire alarm: quiet</translation>
    </message>
    <message>
        <source>Tamper switch: —</source>
        <translation>Tamper switch: —</translation>
    </message>
    <message>
        <source>Tamper switch: ACTIVE</source>
        <translation>Tamper switch: ACTIVE</translation>
    </message>
    <message>
        <source>Tamper switch: closed</source>
        <translation>Tamper switch: closed</translation>
    </message>
    <message>
        <source>Controller error: —</source>
        <translation>Controller error: —</translation>
    </message>
    <message>
        <source>Controller error: none</source>
        <translation>Controller error: none</translation>
    </message>
    <message>
        <source>Controller error: %1</source>
        <translation>Controller error: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1  Exit: %n passed</source>
        <translation>
            <numerusform>%1  Exit: %n passed</numerusform>
            <numerusform>%1  Exit: %n passed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1  Entry: %n passed</source>
        <translation>
            <numerusform>%1  Entry: %n passed</numerusform>
            <numerusform>%1  Entry: %n passed</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) not shown</source>
        <translation>
            <numerusform>%n frame not shown</numerusform>
            <numerusform>%n frames not shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) saved to %1.</source>
        <translation>
            <numerusform>%n frame saved to %1.</numerusform>
            <numerusform>%n frames saved to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scanning slave ids %1 to %2…</source>
        <translation>Scanning slave ids %1 to %2…</translation>
    </message>
    <message>
        <source>Cancelled after slave %1</source>
        <translation>Cancelled after slave %1</translation>
    </message>
    <message>
        <source>Cancelled before the first slave</source>
        <translation>Cancelled before the first slave</translation>
    </message>
    <message>
        <source>Found %1 of %2</source>
        <translation>Found %1 of %2</translation>
    </message>
    <message>
        <source>Running the self-test… someone has to walk through the entry.</source>
        <translation>Running the self-test… someone has to walk through the entry.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Passed — stored on the gate</source>
        <translation>Passed — stored on the gate</translation>
    </message>
    <message numerus="yes">
        <source>Failed: %n step(s)</source>
        <translation>
            <numerusform>Failed: %n step</numerusform>
            <numerusform>Failed: %n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (not stored: %2)</source>
        <translation>%1 (not stored: %2)</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation>%1 (not saved)</translation>
    </message>
</context>
<context>
    <name>gymgate::GateEditor</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>&amp;Zone:</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Direction:</translation>
    </message>
    <message>
        <source>&amp;When offline:</source>
        <translation>&amp;When offline:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Slave id:</source>
        <translation>&amp;Slave id:</translation>
    </message>
    <message>
        <source>&amp;Poll every:</source>
        <translation>&amp;Poll every:</translation>
    </message>
    <message>
        <source>Answer &amp;timeout:</source>
        <translation>Answer &amp;timeout:</translation>
    </message>
    <message>
        <source>Open p&amp;ulse:</source>
        <translation>Open p&amp;ulse:</translation>
    </message>
    <message>
        <source>Wait for the &amp;person:</source>
        <translation>Wait for the &amp;person:</translation>
    </message>
    <message>
        <source>&amp;Line:</source>
        <translation>&amp;Line:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Device:</translation>
    </message>
    <message>
        <source>&amp;Baud:</source>
        <translation>&amp;Baud:</translation>
    </message>
    <message>
        <source>P&amp;arity:</source>
        <translation>P&amp;arity:</translation>
    </message>
    <message>
        <source>Data &amp;bits:</source>
        <translation>Data &amp;bits:</translation>
    </message>
    <message>
        <source>St&amp;op bits:</source>
        <translation>St&amp;op bits:</translation>
    </message>
    <message>
        <source>RS-485 &amp;RTS:</source>
        <translation>RS-485 &amp;RTS:</translation>
    </message>
    <message>
        <source>Entry coil:</source>
        <translation>Entry coil:</translation>
    </message>
    <message>
        <source>Exit coil:</source>
        <translation>Exit coil:</translation>
    </message>
    <message>
        <source>Entry passage input:</source>
        <translation>Entry passage input:</translation>
    </message>
    <message>
        <source>Exit passage input:</source>
        <translation>Exit passage input:</translation>
    </message>
    <message>
        <source>Fire alarm input:</source>
        <translation>Fire alarm input:</translation>
    </message>
    <message>
        <source>Fire contact:</source>
        <translation>Fire contact:</translation>
    </message>
    <message>
        <source>Tamper input:</source>
        <translation>Tamper input:</translation>
    </message>
    <message>
        <source>Entry permission (holding):</source>
        <translation>Entry permission (holding):</translation>
    </message>
    <message>
        <source>Exit permission (holding):</source>
        <translation>Exit permission (holding):</translation>
    </message>
    <message>
        <source>Mode (holding):</source>
        <translation>Mode (holding):</translation>
    </message>
    <message>
        <source>Pass time (holding):</source>
        <translation>Pass time (holding):</translation>
    </message>
    <message>
        <source>Entry counter (input, 2 registers):</source>
        <translation>Entry counter (input, 2 registers):</translation>
    </message>
    <message>
        <source>Exit counter (input, 2 registers):</source>
        <translation>Exit counter (input, 2 registers):</translation>
    </message>
    <message>
        <source>Error code (input):</source>
        <translation>Error code (input):</translation>
    </message>
    <message>
        <source>Sensors (input):</source>
        <translation>Sensors (input):</translation>
    </message>
    <message>
        <source>Fire bit:</source>
        <translation>Fire bit:</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Controller</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Relay board addresses</source>
        <translation>Relay board addresses</translation>
    </message>
    <message>
        <source>Turnstile registers</source>
        <translation>Turnstile registers</translation>
    </message>
    <message>
        <source>e.g. North entrance</source>
        <translation>e.g. North entrance</translation>
    </message>
    <message>
        <source>Host name or IP address</source>
        <translation>Host name or IP address</translation>
    </message>
    <message>
        <source>/dev/ttyUSB0</source>
        <translation>/dev/ttyUSB0</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Look for serial ports again (after plugging in an adapter)</source>
        <translation>Look for serial ports again (after plugging in an adapter)</translation>
    </message>
    <message>
        <source>Not wired</source>
        <translation>Not wired</translation>
    </message>
    <message>
        <source>Relay: how long the coil stays on. Serial text board: the OPEN duration.</source>
        <translation>Relay: how long the coil stays on. Serial text board: the OPEN duration.</translation>
    </message>
    <message>
        <source>Keep &quot;None&quot; unless the adapter switches its transmitter with RTS.</source>
        <translation>Keep &quot;None&quot; unless the adapter switches its transmitter with RTS.</translation>
    </message>
    <message>
        <source>Normally closed fails safe: a broken wire also opens the gates.</source>
        <translation>Normally closed fails safe: a broken wire also opens the gates.</translation>
    </message>
    <message>
        <source>In (entry only)</source>
        <translation>In (entry only)</translation>
    </message>
    <message>
        <source>Out (exit only)</source>
        <translation>Out (exit only)</translation>
    </message>
    <message>
        <source>Both ways</source>
        <translation>Both ways</translation>
    </message>
    <message>
        <source>Fail secure (stays locked)</source>
        <translation>Fail secure (stays locked)</translation>
    </message>
    <message>
        <source>Fail open (lets people through)</source>
        <translation>Fail open (lets people through)</translation>
    </message>
    <message>
        <source>Turnstile controller (Modbus registers)</source>
        <translation>Turnstile controller (Modbus registers)</translation>
    </message>
    <message>
        <source>Relay / IO board (Modbus coils)</source>
        <translation>Relay / IO board (Modbus coils)</translation>
    </message>
    <message>
        <source>Serial text board</source>
        <translation>Serial text board</translation>
    </message>
    <message>
        <source>None (N)</source>
        <translation>None (N)</translation>
    </message>
    <message>
        <source>Even (E)</source>
        <translation>Even (E)</translation>
    </message>
    <message>
        <source>Odd (O)</source>
        <translation>Odd (O)</translation>
    </message>
    <message>
        <source>None (the adapter switches itself)</source>
        <translation>None (the adapter switches itself)</translation>
    </message>
    <message>
        <source>RTS up while sending</source>
        <translation>RTS up while sending</translation>
    </message>
    <message>
        <source>RTS down while sending (inverted)</source>
        <translation>RTS down while sending (inverted)</translation>
    </message>
    <message>
        <source>Normally open (closes on alarm)</source>
        <translation>Normally open (closes on alarm)</translation>
    </message>
    <message>
        <source>Normally closed (opens on alarm)</source>
        <translation>Normally closed (opens on alarm)</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Serial port</translation>
    </message>
    <message>
        <source>Modbus TCP (network)</source>
        <translation>Modbus TCP (network)</translation>
    </message>
    <message>
        <source>Modbus RTU (RS-485 serial)</source>
        <translation>Modbus RTU (RS-485 serial)</translation>
    </message>
    <message>
        <source>serial number %1</source>
        <translation>serial number %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>gymgate::GateServiceBanner</name>
    <message>
        <source>Emergency: every gate is free. The fire input is still active.</source>
        <translation>Emergency: every gate is free. The fire input is still active.</translation>
    </message>
    <message>
        <source>Emergency: every gate is free.</source>
        <translation>Emergency: every gate is free.</translation>
    </message>
    <message>
        <source>Reset the emergency</source>
        <translation>Reset the emergency</translation>
    </message>
    <message>
        <source>The emergency can be reset once every fire input has cleared.</source>
        <translation>The emergency can be reset once every fire input has cleared.</translation>
    </message>
    <message>
        <source>Puts every gate back into normal operation.</source>
        <translation>Puts every gate back into normal operation.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Declare emergency…</source>
        <translation>Declare emergency…</translation>
    </message>
    <message>
        <source>Frees every gate at once: for a drill, or an alarm not wired to a gate.</source>
        <translation>Frees every gate at once: for a drill, or an alarm not wired to a gate.</translation>
    </message>
    <message>
        <source>%1 is out of order after repeated faults.</source>
        <translation>%1 is out of order after repeated faults.</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>Clear %1</translation>
    </message>
    <message>
        <source>Check the gate first. Clearing puts it back into normal operation.</source>
        <translation>Check the gate first. Clearing puts it back into normal operation.</translation>
    </message>
    <message>
        <source>Declare emergency</source>
        <translation>Declare emergency</translation>
    </message>
    <message>
        <source>Every gate will be free at once until the emergency is reset. Why?</source>
        <translation>Every gate will be free at once until the emergency is reset. Why?</translation>
    </message>
</context>
<context>
    <name>gymgate::GatesPage</name>
    <message>
        <source>Gates</source>
        <translation>Gates</translation>
    </message>
    <message>
        <source>Import gates</source>
        <translation>Import gates</translation>
    </message>
    <message>
        <source>Gate files (*.json);;All files (*)</source>
        <translation>Gate files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Export gates</source>
        <translation>Export gates</translation>
    </message>
    <message>
        <source>gates.json</source>
        <translation>gates.json</translation>
    </message>
    <message>
        <source>Import a gate profile</source>
        <translation>Import a gate profile</translation>
    </message>
    <message>
        <source>Gate profiles (*.json);;All files (*)</source>
        <translation>Gate profiles (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Export the gate profile</source>
        <translation>Export the gate profile</translation>
    </message>
    <message>
        <source>gate-profile.json</source>
        <translation>gate-profile.json</translation>
    </message>
    <message>
        <source>Filter gates</source>
        <translation>Filter gates</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Last self-test</source>
        <translation>Last self-test</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Controller at</source>
        <translation>Controller at</translation>
    </message>
    <message>
        <source>When offline</source>
        <translation>When offline</translation>
    </message>
    <message>
        <source>&amp;Add gate</source>
        <translation>&amp;Add gate</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicate</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>D&amp;iagnose</source>
        <translation>D&amp;iagnose</translation>
    </message>
    <message>
        <source>Open the selected gate in the diagnostics page</source>
        <translation>Open the selected gate in the diagnostics page</translation>
    </message>
    <message>
        <source>&amp;Import gates…</source>
        <translation>&amp;Import gates…</translation>
    </message>
    <message>
        <source>E&amp;xport gates…</source>
        <translation>E&amp;xport gates…</translation>
    </message>
    <message>
        <source>Saves the gates the list shows (the filter applies) to a gates file</source>
        <translation>Saves the gates the list shows (the filter applies) to a gates file</translation>
    </message>
    <message>
        <source>Import &amp;profile…</source>
        <translation>Import &amp;profile…</translation>
    </message>
    <message>
        <source>Load a profile file into the form (the gate&apos;s name and zone stay)</source>
        <translation>Load a profile file into the form (the gate&apos;s name and zone stay)</translation>
    </message>
    <message>
        <source>Export pro&amp;file…</source>
        <translation>Export pro&amp;file…</translation>
    </message>
    <message>
        <source>Save the form&apos;s profile as a file gymgate-gatectl --profile reads</source>
        <translation>Save the form&apos;s profile as a file gymgate-gatectl --profile reads</translation>
    </message>
    <message>
        <source>&amp;Save gate</source>
        <translation>&amp;Save gate</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>Both ways</source>
        <translation>Both ways</translation>
    </message>
    <message>
        <source>Fail open</source>
        <translation>Fail open</translation>
    </message>
    <message>
        <source>Fail secure</source>
        <translation>Fail secure</translation>
    </message>
    <message>
        <source>Saved after the gate service started: it drives the gate as it was until GymGate restarts.</source>
        <translation>Saved after the gate service started: it drives the gate as it was until GymGate restarts.</translation>
    </message>
    <message>
        <source>Turnstile (registers)</source>
        <translation>Turnstile (registers)</translation>
    </message>
    <message>
        <source>Relay board</source>
        <translation>Relay board</translation>
    </message>
    <message>
        <source>Serial text board</source>
        <translation>Serial text board</translation>
    </message>
    <message>
        <source>Not run here</source>
        <translation>Not run here</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Emergency (free passage)</source>
        <translation>Emergency (free passage)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>Out of order</translation>
    </message>
    <message>
        <source>Paused for diagnostics</source>
        <translation>Paused for diagnostics</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source> · restart needed</source>
        <translation> · restart needed</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Passed %1</source>
        <translation>Passed %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Gate saved.</source>
        <translation>Gate saved.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>Added %1.</translation>
    </message>
    <message>
        <source>Delete gate</source>
        <translation>Delete gate</translation>
    </message>
    <message>
        <source>Delete the gate %1? Its profile is lost unless it was exported; the entry log keeps its entries.</source>
        <translation>Delete the gate %1? Its profile is lost unless it was exported; the entry log keeps its entries.</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>Deleted %1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n gate(s).</source>
        <translation>
            <numerusform>Imported %n gate.</numerusform>
            <numerusform>Imported %n gates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n gate(s) to %1.</source>
        <translation>
            <numerusform>Exported %n gate to %1.</numerusform>
            <numerusform>Exported %n gates to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile loaded from %1; save the gate to keep it.</source>
        <translation>Profile loaded from %1; save the gate to keep it.</translation>
    </message>
    <message>
        <source>Correct the profile before exporting it.</source>
        <translation>Correct the profile before exporting it.</translation>
    </message>
    <message>
        <source>Profile saved to %1.</source>
        <translation>Profile saved to %1.</translation>
    </message>
    <message>
        <source>&amp;Try…</source>
        <translation>&amp;Try…</translation>
    </message>
    <message>
        <source>Open the editor&apos;s gate in the diagnostics page as it is now, before saving it</source>
        <translation>Open the editor&apos;s gate in the diagnostics page as it is now, before saving it</translation>
    </message>
    <message>
        <source>The list shows no gate to export. Clear the filter first.</source>
        <translation>The list shows no gate to export. Clear the filter first.</translation>
    </message>
</context>
<context>
    <name>gymgate::ImageFileScanSource</name>
    <message>
        <source>The drop folder %1 does not exist or is not a folder.</source>
        <translation>The drop folder %1 does not exist or is not a folder.</translation>
    </message>
    <message>
        <source>The drop folder %1 cannot be watched.</source>
        <translation>The drop folder %1 cannot be watched.</translation>
    </message>
</context>
<context>
    <name>gymgate::KeyboardWedgeScanner</name>
    <message>
        <source>The longest pause between a scanner&apos;s keys must be between %1 and %2 ms.</source>
        <translation>The longest pause between a scanner&apos;s keys must be between %1 and %2 ms.</translation>
    </message>
    <message>
        <source>The pause that ends a keyboard scan must be between %1 and %2 ms.</source>
        <translation>The pause that ends a keyboard scan must be between %1 and %2 ms.</translation>
    </message>
    <message>
        <source>The shortest keyboard scan must be between %1 and %2 characters.</source>
        <translation>The shortest keyboard scan must be between %1 and %2 characters.</translation>
    </message>
    <message>
        <source>A keyboard scanner needs the graphical application; use a serial scanner.</source>
        <translation>A keyboard scanner needs the graphical application; use a serial scanner.</translation>
    </message>
</context>
<context>
    <name>gymgate::KioskPinDialog</name>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left.</source>
        <translation>
            <numerusform>Wrong PIN. %n try left.</numerusform>
            <numerusform>Wrong PIN. %n tries left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n seconds.</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>No exit PIN is set. Ask a technician to set kiosk.pin_hash.</source>
        <translation>No exit PIN is set. Ask a technician to set kiosk.pin_hash.</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Staff PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>gymgate::KioskWindow</name>
    <message numerus="yes">
        <source>%1: %n visit(s) left</source>
        <translation>
            <numerusform>%1: %n visit left</numerusform>
            <numerusform>%1: %n visits left</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: balance %2 yuan</source>
        <translation>%1: balance %2 yuan</translation>
    </message>
    <message>
        <source>Valid until %1</source>
        <translation>Valid until %1</translation>
    </message>
    <message>
        <source>Your card expires today.</source>
        <translation>Your card expires today.</translation>
    </message>
    <message numerus="yes">
        <source>Your card expires in %n day(s).</source>
        <translation>
            <numerusform>Your card expires in %n day.</numerusform>
            <numerusform>Your card expires in %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Next today: %1 at %2</source>
        <translation>Next today: %1 at %2</translation>
    </message>
    <message>
        <source>Next today: %1 at %2, %3</source>
        <translation>Next today: %1 at %2, %3</translation>
    </message>
    <message>
        <source>Access granted</source>
        <translation>Access granted</translation>
    </message>
    <message>
        <source>The gate is opening...</source>
        <translation>The gate is opening...</translation>
    </message>
    <message>
        <source>Please walk through</source>
        <translation>Please walk through</translation>
    </message>
    <message>
        <source>The gate is open.</source>
        <translation>The gate is open.</translation>
    </message>
    <message>
        <source>Enjoy your workout!</source>
        <translation>Enjoy your workout!</translation>
    </message>
    <message>
        <source>Access denied</source>
        <translation>Access denied</translation>
    </message>
    <message>
        <source>Nobody passed</source>
        <translation>Nobody passed</translation>
    </message>
    <message>
        <source>Your visit was not charged.</source>
        <translation>Your visit was not charged.</translation>
    </message>
    <message>
        <source>Scan your code again when you are ready to go in.</source>
        <translation>Scan your code again when you are ready to go in.</translation>
    </message>
    <message>
        <source>The gate did not open</source>
        <translation>The gate did not open</translation>
    </message>
    <message>
        <source>Your visit was not charged. Please scan again or ask the front desk.</source>
        <translation>Your visit was not charged. Please scan again or ask the front desk.</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>The gate is still letting the previous person through.</source>
        <translation>The gate is still letting the previous person through.</translation>
    </message>
    <message>
        <source>Scan again in a moment.</source>
        <translation>Scan again in a moment.</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>Out of order</translation>
    </message>
    <message>
        <source>Gate open</source>
        <translation>Gate open</translation>
    </message>
    <message>
        <source>This gate cannot reach the system right now and has opened for free passage.</source>
        <translation>This gate cannot reach the system right now and has opened for free passage.</translation>
    </message>
    <message>
        <source>Please walk through and check in at the front desk.</source>
        <translation>Please walk through and check in at the front desk.</translation>
    </message>
    <message>
        <source>Gate offline</source>
        <translation>Gate offline</translation>
    </message>
    <message>
        <source>This gate cannot reach the system right now and stays locked.</source>
        <translation>This gate cannot reach the system right now and stays locked.</translation>
    </message>
    <message>
        <source>GymGate kiosk</source>
        <translation>GymGate kiosk</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>gymgate::LoginDialog</name>
    <message>
        <source>GymGate: log in</source>
        <translation>GymGate: log in</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Log in</translation>
    </message>
</context>
<context>
    <name>gymgate::MembersPage</name>
    <message>
        <source>Blocked</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Search: name, phone, member no. or last 4 digits (Ctrl+F)</source>
        <translation>Search: name, phone, member no. or last 4 digits (Ctrl+F)</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Please enter the member&apos;s name.</source>
        <translation>Please enter the member&apos;s name.</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>&amp;Mobile</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>&amp;Gender</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>&amp;Birthday</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Photo...</source>
        <translation>Photo...</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>New member (Ctrl+N)</source>
        <translation>New member (Ctrl+N)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Reason for blocking</source>
        <translation>Reason for blocking</translation>
    </message>
    <message>
        <source>Issue QR code</source>
        <translation>Issue QR code</translation>
    </message>
    <message>
        <source>Print member card (PDF)</source>
        <translation>Print member card (PDF)</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>QR codes</source>
        <translation>QR codes</translation>
    </message>
    <message>
        <source>Card no.</source>
        <translation>Card no.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Booking no.</source>
        <translation>Booking no.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>first %1</source>
        <translation>first %1</translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>%n found</numerusform>
        </translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>%1 (type a new number to change it)</source>
        <translation>%1 (type a new number to change it)</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>No photo</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Unblock</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>e.g. 13800138000</source>
        <translation>e.g. 13800138000</translation>
    </message>
    <message>
        <source>No QR code</source>
        <translation>No QR code</translation>
    </message>
    <message numerus="yes">
        <source>%n more digit(s) needed.</source>
        <translation>
            <numerusform>%n more digit needed.</numerusform>
            <numerusform>%n more digits needed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a mainland China mobile number (1[3-9]xxxxxxxxx).</source>
        <translation>Not a mainland China mobile number (1[3-9]xxxxxxxxx).</translation>
    </message>
    <message>
        <source>Please enter an 11-digit mainland China mobile number, e.g. 13800138000.</source>
        <translation>Please enter an 11-digit mainland China mobile number, e.g. 13800138000.</translation>
    </message>
    <message>
        <source>Member %1 registered.</source>
        <translation>Member %1 registered.</translation>
    </message>
    <message>
        <source>Member %1 saved.</source>
        <translation>Member %1 saved.</translation>
    </message>
    <message>
        <source>Member photo</source>
        <translation>Member photo</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>This file is not a picture: %1</source>
        <translation>This file is not a picture: %1</translation>
    </message>
    <message>
        <source>Member %1 unblocked.</source>
        <translation>Member %1 unblocked.</translation>
    </message>
    <message>
        <source>Member %1 blocked: every gate refuses them now.</source>
        <translation>Member %1 blocked: every gate refuses them now.</translation>
    </message>
    <message>
        <source>New QR code issued for %1; earlier codes no longer open the gates.</source>
        <translation>New QR code issued for %1; earlier codes no longer open the gates.</translation>
    </message>
    <message>
        <source>member-card-%1.pdf</source>
        <translation>member-card-%1.pdf</translation>
    </message>
    <message>
        <source>Save member card</source>
        <translation>Save member card</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Member card saved to %1.</source>
        <translation>Member card saved to %1.</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Frozen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>Top-up</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Rejected by the hub</source>
        <translation>Rejected by the hub</translation>
    </message>
</context>
<context>
    <name>gymgate::ModbusTesterWorker</name>
    <message>
        <source>Connected to %1, slave %2</source>
        <translation>Connected to %1, slave %2</translation>
    </message>
    <message>
        <source>Reading %1 (address %2) failed: %3</source>
        <translation>Reading %1 (address %2) failed: %3</translation>
    </message>
    <message>
        <source>Cannot capture frames: %1</source>
        <translation>Cannot capture frames: %1</translation>
    </message>
    <message>
        <source>Relay coil %1 went on, but switching it off failed: %2</source>
        <translation>Relay coil %1 went on, but switching it off failed: %2</translation>
    </message>
    <message>
        <source>Relay coil %1 on for %2 ms</source>
        <translation>Relay coil %1 on for %2 ms</translation>
    </message>
    <message>
        <source>Entry permission written: 1 pass</source>
        <translation>Entry permission written: 1 pass</translation>
    </message>
    <message>
        <source>Exit permission written: 1 pass</source>
        <translation>Exit permission written: 1 pass</translation>
    </message>
    <message>
        <source>Both relay coils held on: free passage</source>
        <translation>Both relay coils held on: free passage</translation>
    </message>
    <message>
        <source>Mode normal, both permissions free (0xFFFF) written</source>
        <translation>Mode normal, both permissions free (0xFFFF) written</translation>
    </message>
    <message>
        <source>Both relay coils off: locked</source>
        <translation>Both relay coils off: locked</translation>
    </message>
    <message>
        <source>Mode blocked written, permissions cleared</source>
        <translation>Mode blocked written, permissions cleared</translation>
    </message>
    <message>
        <source>Both relay coils off: normal</source>
        <translation>Both relay coils off: normal</translation>
    </message>
    <message>
        <source>Mode normal written, permissions cleared</source>
        <translation>Mode normal written, permissions cleared</translation>
    </message>
</context>
<context>
    <name>gymgate::ProductsPage</name>
    <message>
        <source>Card products</source>
        <translation>Card products</translation>
    </message>
    <message>
        <source>Filter products</source>
        <translation>Filter products</translation>
    </message>
    <message>
        <source>Show products no longer sold</source>
        <translation>Show products no longer sold</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Price (yuan)</source>
        <translation>Price (yuan)</translation>
    </message>
    <message>
        <source>Valid days</source>
        <translation>Valid days</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>Value (yuan)</translation>
    </message>
    <message>
        <source>Per visit (yuan)</source>
        <translation>Per visit (yuan)</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Price (yuan):</source>
        <translation>&amp;Price (yuan):</translation>
    </message>
    <message>
        <source>&amp;Valid days (0 = no expiry):</source>
        <translation>&amp;Valid days (0 = no expiry):</translation>
    </message>
    <message>
        <source>V&amp;isits:</source>
        <translation>V&amp;isits:</translation>
    </message>
    <message>
        <source>Stored &amp;value (yuan):</source>
        <translation>Stored &amp;value (yuan):</translation>
    </message>
    <message>
        <source>Price per v&amp;isit (yuan):</source>
        <translation>Price per v&amp;isit (yuan):</translation>
    </message>
    <message>
        <source>&amp;Time windows:</source>
        <translation>&amp;Time windows:</translation>
    </message>
    <message>
        <source>&amp;Zones (none = all):</source>
        <translation>&amp;Zones (none = all):</translation>
    </message>
    <message>
        <source>Any time, or e.g. [{&quot;days&quot;:&quot;1-5&quot;,&quot;from&quot;:&quot;06:00&quot;,&quot;to&quot;:&quot;12:00&quot;}]</source>
        <translation>Any time, or e.g. [{&quot;days&quot;:&quot;1-5&quot;,&quot;from&quot;:&quot;06:00&quot;,&quot;to&quot;:&quot;12:00&quot;}]</translation>
    </message>
    <message>
        <source>&amp;New product</source>
        <translation>&amp;New product</translation>
    </message>
    <message>
        <source>&amp;Save product</source>
        <translation>&amp;Save product</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Stop &amp;selling</source>
        <translation>Stop &amp;selling</translation>
    </message>
    <message>
        <source>Sell &amp;again</source>
        <translation>Sell &amp;again</translation>
    </message>
    <message>
        <source>Enter the price in yuan, e.g. 300 or 299.50.</source>
        <translation>Enter the price in yuan, e.g. 300 or 299.50.</translation>
    </message>
    <message>
        <source>Enter the stored value in yuan.</source>
        <translation>Enter the stored value in yuan.</translation>
    </message>
    <message>
        <source>Enter the price per visit in yuan.</source>
        <translation>Enter the price per visit in yuan.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>%1 is on sale again.</source>
        <translation>%1 is on sale again.</translation>
    </message>
    <message>
        <source>%1 is no longer sold.</source>
        <translation>%1 is no longer sold.</translation>
    </message>
</context>
<context>
    <name>gymgate::ReportTableModel</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>gymgate::ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Report:</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Group by:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>T&amp;o:</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>&amp;Chart:</source>
        <translation>&amp;Chart:</translation>
    </message>
    <message>
        <source>Export CS&amp;V</source>
        <translation>Export CS&amp;V</translation>
    </message>
    <message>
        <source>Export P&amp;DF</source>
        <translation>Export P&amp;DF</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s) in all</source>
        <translation>
            <numerusform>%n check-in in all</numerusform>
            <numerusform>%n check-ins in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>busiest hour %1:00 (%n check-in(s))</source>
        <translation>
            <numerusform>busiest hour %1:00 (%n check-in)</numerusform>
            <numerusform>busiest hour %1:00 (%n check-ins)</numerusform>
        </translation>
    </message>
    <message>
        <source>Run a report first.</source>
        <translation>Run a report first.</translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>The report could not be saved to %1: %2</translation>
    </message>
    <message>
        <source>Export report as CSV</source>
        <translation>Export report as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export report as PDF</source>
        <translation>Export report as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Report saved to %1.</translation>
    </message>
</context>
<context>
    <name>gymgate::SalesPage</name>
    <message>
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 yuan stored, %2 yuan per visit</source>
        <translation>%1 yuan stored, %2 yuan per visit</translation>
    </message>
    <message numerus="yes">
        <source>, valid %n day(s)</source>
        <translation>
            <numerusform>, valid %n day</numerusform>
            <numerusform>, valid %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Price: %1 yuan (%2)</source>
        <translation>Price: %1 yuan (%2)</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Filter cards</source>
        <translation>Filter cards</translation>
    </message>
    <message>
        <source>Card no.</source>
        <translation>Card no.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Visits left</source>
        <translation>Visits left</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>Balance (yuan)</translation>
    </message>
    <message>
        <source>Sell a card</source>
        <translation>Sell a card</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <source>Pa&amp;yment:</source>
        <translation>Pa&amp;yment:</translation>
    </message>
    <message>
        <source>S&amp;tarts:</source>
        <translation>S&amp;tarts:</translation>
    </message>
    <message>
        <source>&amp;Sell card</source>
        <translation>&amp;Sell card</translation>
    </message>
    <message>
        <source>Sell the chosen card to the member (Ctrl+Enter)</source>
        <translation>Sell the chosen card to the member (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Selected card</source>
        <translation>Selected card</translation>
    </message>
    <message>
        <source>Top-up in yuan</source>
        <translation>Top-up in yuan</translation>
    </message>
    <message>
        <source>&amp;Top up</source>
        <translation>&amp;Top up</translation>
    </message>
    <message>
        <source>&amp;Freeze</source>
        <translation>&amp;Freeze</translation>
    </message>
    <message>
        <source>&amp;Unfreeze</source>
        <translation>&amp;Unfreeze</translation>
    </message>
    <message>
        <source>Refund in yuan</source>
        <translation>Refund in yuan</translation>
    </message>
    <message>
        <source>Reason for the cancellation</source>
        <translation>Reason for the cancellation</translation>
    </message>
    <message>
        <source>&amp;Cancel with refund</source>
        <translation>&amp;Cancel with refund</translation>
    </message>
    <message>
        <source>Save &amp;receipt PDF</source>
        <translation>Save &amp;receipt PDF</translation>
    </message>
    <message>
        <source>No member chosen: find a member first.</source>
        <translation>No member chosen: find a member first.</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) of the chosen member</source>
        <translation>
            <numerusform>%n card of the chosen member</numerusform>
            <numerusform>%n cards of the chosen member</numerusform>
        </translation>
    </message>
    <message>
        <source>No card products on sale.</source>
        <translation>No card products on sale.</translation>
    </message>
    <message>
        <source>Cancel the card and pay money back</source>
        <translation>Cancel the card and pay money back</translation>
    </message>
    <message>
        <source>Only an administrator may cancel a card with a refund.</source>
        <translation>Only an administrator may cancel a card with a refund.</translation>
    </message>
    <message>
        <source>Sold %1 (card %2), receipt %3.</source>
        <translation>Sold %1 (card %2), receipt %3.</translation>
    </message>
    <message>
        <source>Topped up card %1 by %2 yuan; balance %3 yuan.</source>
        <translation>Topped up card %1 by %2 yuan; balance %3 yuan.</translation>
    </message>
    <message>
        <source>Card %1 is frozen.</source>
        <translation>Card %1 is frozen.</translation>
    </message>
    <message>
        <source>Card %1 is active again.</source>
        <translation>Card %1 is active again.</translation>
    </message>
    <message>
        <source>Card %1 is active again, valid until %2.</source>
        <translation>Card %1 is active again, valid until %2.</translation>
    </message>
    <message>
        <source>Card %1 is cancelled; refunded %2 yuan.</source>
        <translation>Card %1 is cancelled; refunded %2 yuan.</translation>
    </message>
    <message>
        <source>There is no receipt to save yet.</source>
        <translation>There is no receipt to save yet.</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>Save receipt</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt %1 saved.</source>
        <translation>Receipt %1 saved.</translation>
    </message>
</context>
<context>
    <name>gymgate::SchedulePage</name>
    <message>
        <source>Gym floor</source>
        <translation>Gym floor</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>Studio</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>C&amp;ourses and classes</source>
        <translation>C&amp;ourses and classes</translation>
    </message>
    <message>
        <source>V&amp;enues</source>
        <translation>V&amp;enues</translation>
    </message>
    <message>
        <source>Ca&amp;lendar</source>
        <translation>Ca&amp;lendar</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Advance days</source>
        <translation>Advance days</translation>
    </message>
    <message>
        <source>Max active</source>
        <translation>Max active</translation>
    </message>
    <message>
        <source>Cancel hours</source>
        <translation>Cancel hours</translation>
    </message>
    <message>
        <source>Penalty %</source>
        <translation>Penalty %</translation>
    </message>
    <message>
        <source>Filter venues</source>
        <translation>Filter venues</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unlimited</translation>
    </message>
    <message>
        <source>Empty means always open.</source>
        <translation>Empty means always open.</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>0 %: late cancellations are refused.</source>
        <translation>0 %: late cancellations are refused.</translation>
    </message>
    <message>
        <source>&amp;New venue</source>
        <translation>&amp;New venue</translation>
    </message>
    <message>
        <source>&amp;Save venue</source>
        <translation>&amp;Save venue</translation>
    </message>
    <message>
        <source>&amp;Delete venue</source>
        <translation>&amp;Delete venue</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>Ca&amp;pacity</source>
        <translation>Ca&amp;pacity</translation>
    </message>
    <message>
        <source>Fee per hour (yuan)</source>
        <translation>Fee per hour (yuan)</translation>
    </message>
    <message>
        <source>Opening &amp;hours</source>
        <translation>Opening &amp;hours</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>Bookable days ahead</source>
        <translation>Bookable days ahead</translation>
    </message>
    <message>
        <source>Active bookings per member</source>
        <translation>Active bookings per member</translation>
    </message>
    <message>
        <source>Free cancellation until (hours before)</source>
        <translation>Free cancellation until (hours before)</translation>
    </message>
    <message>
        <source>Late cancellation penalty</source>
        <translation>Late cancellation penalty</translation>
    </message>
    <message>
        <source>Maintenance plans</source>
        <translation>Maintenance plans</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>&amp;Plan maintenance</source>
        <translation>&amp;Plan maintenance</translation>
    </message>
    <message>
        <source>&amp;Remove plan</source>
        <translation>&amp;Remove plan</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>New &amp;course</source>
        <translation>New &amp;course</translation>
    </message>
    <message>
        <source>Sa&amp;ve course</source>
        <translation>Sa&amp;ve course</translation>
    </message>
    <message>
        <source>Delete cou&amp;rse</source>
        <translation>Delete cou&amp;rse</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Course capacity</source>
        <translation>Course capacity</translation>
    </message>
    <message>
        <source>&amp;Add class</source>
        <translation>&amp;Add class</translation>
    </message>
    <message>
        <source>Delete c&amp;lass</source>
        <translation>Delete c&amp;lass</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Venue</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Duration</translation>
    </message>
    <message>
        <source>The venue name is missing.</source>
        <translation>The venue name is missing.</translation>
    </message>
    <message>
        <source>Venue saved.</source>
        <translation>Venue saved.</translation>
    </message>
    <message>
        <source>Venue deleted.</source>
        <translation>Venue deleted.</translation>
    </message>
    <message>
        <source>Choose a venue in the list.</source>
        <translation>Choose a venue in the list.</translation>
    </message>
    <message>
        <source>Maintenance planned.</source>
        <translation>Maintenance planned.</translation>
    </message>
    <message>
        <source>Maintenance plan removed.</source>
        <translation>Maintenance plan removed.</translation>
    </message>
    <message>
        <source>Course saved.</source>
        <translation>Course saved.</translation>
    </message>
    <message>
        <source>Course deleted.</source>
        <translation>Course deleted.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Choose a course in the list.</source>
        <translation>Choose a course in the list.</translation>
    </message>
    <message>
        <source>Class added.</source>
        <translation>Class added.</translation>
    </message>
    <message>
        <source>Class deleted.</source>
        <translation>Class deleted.</translation>
    </message>
</context>
<context>
    <name>gymgate::SerialScanner</name>
    <message>
        <source>The scanner port is missing.</source>
        <translation>The scanner port is missing.</translation>
    </message>
    <message>
        <source>The scanner baud rate must be between %1 and %2.</source>
        <translation>The scanner baud rate must be between %1 and %2.</translation>
    </message>
    <message>
        <source>The scanner data bits must be 5, 6, 7 or 8.</source>
        <translation>The scanner data bits must be 5, 6, 7 or 8.</translation>
    </message>
    <message>
        <source>The scanner parity is not valid.</source>
        <translation>The scanner parity is not valid.</translation>
    </message>
    <message>
        <source>The scanner stop bits must be 1, 1.5 or 2.</source>
        <translation>The scanner stop bits must be 1, 1.5 or 2.</translation>
    </message>
    <message>
        <source>Choose how the scanner ends a code (CR, LF or a pause).</source>
        <translation>Choose how the scanner ends a code (CR, LF or a pause).</translation>
    </message>
    <message>
        <source>The scanner pause that ends a code must be between %1 and %2 ms.</source>
        <translation>The scanner pause that ends a code must be between %1 and %2 ms.</translation>
    </message>
    <message>
        <source>The longest scanner code must be between 1 and %1 bytes.</source>
        <translation>The longest scanner code must be between 1 and %1 bytes.</translation>
    </message>
    <message>
        <source>The scanner reconnect interval must be between %1 and %2 ms.</source>
        <translation>The scanner reconnect interval must be between %1 and %2 ms.</translation>
    </message>
    <message>
        <source>The scanner on %1 cannot be opened: %2</source>
        <translation>The scanner on %1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>The scanner on %1 was disconnected.</source>
        <translation>The scanner on %1 was disconnected.</translation>
    </message>
    <message>
        <source>The scanner on %1 sent more than %2 bytes without ending the code; the input was discarded. Check the scanner&apos;s suffix setting.</source>
        <translation>The scanner on %1 sent more than %2 bytes without ending the code; the input was discarded. Check the scanner&apos;s suffix setting.</translation>
    </message>
</context>
<context>
    <name>gymgate::SerialTextTesterWorker</name>
    <message>
        <source>The board did not answer within %1 ms</source>
        <translation>The board did not answer within %1 ms</translation>
    </message>
    <message>
        <source>nobody passed within %1 ms</source>
        <translation>nobody passed within %1 ms</translation>
    </message>
    <message>
        <source>the board did not answer within %1 ms</source>
        <translation>the board did not answer within %1 ms</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connected to %1</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>connect</translation>
    </message>
    <message>
        <source>The serial line to %1 went away; reconnecting</source>
        <translation>The serial line to %1 went away; reconnecting</translation>
    </message>
    <message>
        <source>Cannot connect to %1: the serial line did not open within %2 ms</source>
        <translation>Cannot connect to %1: the serial line did not open within %2 ms</translation>
    </message>
    <message>
        <source>read status</source>
        <translation>read status</translation>
    </message>
    <message>
        <source>mode %1, fire %2</source>
        <translation>mode %1, fire %2</translation>
    </message>
    <message>
        <source>fire input inactive</source>
        <translation>fire input inactive</translation>
    </message>
    <message>
        <source>fire alarm is active</source>
        <translation>fire alarm is active</translation>
    </message>
    <message>
        <source>The board answered OK</source>
        <translation>The board answered OK</translation>
    </message>
    <message>
        <source>open entry and passage</source>
        <translation>open entry and passage</translation>
    </message>
    <message>
        <source>the board reports TIMEOUT IN: nobody passed</source>
        <translation>the board reports TIMEOUT IN: nobody passed</translation>
    </message>
    <message>
        <source>The board did not answer STATUS within %1 ms</source>
        <translation>The board did not answer STATUS within %1 ms</translation>
    </message>
    <message>
        <source>The board is not connected</source>
        <translation>The board is not connected</translation>
    </message>
    <message>
        <source>Cancelled before the board answered</source>
        <translation>Cancelled before the board answered</translation>
    </message>
    <message>
        <source>A serial-text board has no slave ids to scan.</source>
        <translation>A serial-text board has no slave ids to scan.</translation>
    </message>
    <message>
        <source>the session has no serial line</source>
        <translation>the session has no serial line</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
</context>
<context>
    <name>gymgate::ShiftReportPage</name>
    <message>
        <source>Shift report</source>
        <translation>Shift report</translation>
    </message>
    <message>
        <source>S&amp;taff:</source>
        <translation>S&amp;taff:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>T&amp;o:</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;Export CSV</source>
        <translation>&amp;Export CSV</translation>
    </message>
    <message>
        <source>By product</source>
        <translation>By product</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>By payment method</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Refunded (yuan)</source>
        <translation>Refunded (yuan)</translation>
    </message>
    <message>
        <source>Net (yuan)</source>
        <translation>Net (yuan)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n sale(s), %2 yuan; refunds %3 yuan; net %4 yuan.</source>
        <translation>
            <numerusform>%1: %n sale, %2 yuan; refunds %3 yuan; net %4 yuan.</numerusform>
            <numerusform>%1: %n sales, %2 yuan; refunds %3 yuan; net %4 yuan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show a report first.</source>
        <translation>Show a report first.</translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>The report could not be saved to %1: %2</translation>
    </message>
    <message>
        <source>Export shift report</source>
        <translation>Export shift report</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Report saved to %1.</translation>
    </message>
</context>
<context>
    <name>gymgate::StaffAccountDialog</name>
    <message>
        <source>Add a staff account</source>
        <translation>Add a staff account</translation>
    </message>
    <message>
        <source>Edit a staff account</source>
        <translation>Edit a staff account</translation>
    </message>
    <message>
        <source>at least %1 characters, letters and digits</source>
        <translation>at least %1 characters, letters and digits</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Name shown:</source>
        <translation>&amp;Name shown:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>Initial &amp;password:</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>R&amp;epeat password:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>gymgate::StaffPage</name>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Filter by user name, name, role or status</source>
        <translation>Filter by user name, name, role or status</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>De&amp;lete…</translation>
    </message>
    <message>
        <source>&amp;My password…</source>
        <translation>&amp;My password…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Locked until %1</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>E&amp;nable</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>Added %1 (%2).</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>%1 may log in again.</source>
        <translation>%1 may log in again.</translation>
    </message>
    <message>
        <source>%1 can no longer log in.</source>
        <translation>%1 can no longer log in.</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>New password for %1</translation>
    </message>
    <message>
        <source>The password of %1 was reset.</source>
        <translation>The password of %1 was reset.</translation>
    </message>
    <message>
        <source>Delete a staff account</source>
        <translation>Delete a staff account</translation>
    </message>
    <message>
        <source>Delete the account %1? Its entries in the audit log stay.</source>
        <translation>Delete the account %1? Its entries in the audit log stay.</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>Deleted %1.</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Your password was changed.</translation>
    </message>
</context>
<context>
    <name>gymgate::StaffPasswordDialog</name>
    <message>
        <source>at least %1 characters, letters and digits</source>
        <translation>at least %1 characters, letters and digits</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Repeat new password:</translation>
    </message>
    <message>
        <source>&amp;Save password</source>
        <translation>&amp;Save password</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Enter your current password.</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>gymgate::SyncEngine</name>
    <message>
        <source>Another GymGate process syncs this database.</source>
        <translation>Another GymGate process syncs this database.</translation>
    </message>
    <message>
        <source>A sync round is already running.</source>
        <translation>A sync round is already running.</translation>
    </message>
    <message>
        <source>This desk is not enrolled with a hub.</source>
        <translation>This desk is not enrolled with a hub.</translation>
    </message>
    <message>
        <source>The hub could not be reached.</source>
        <translation>The hub could not be reached.</translation>
    </message>
    <message>
        <source>Card %1 was used at more than one site while offline and is overdrawn (visits left %2, balance %3 fen).</source>
        <translation>Card %1 was used at more than one site while offline and is overdrawn (visits left %2, balance %3 fen).</translation>
    </message>
    <message>
        <source>The hub rejected booking %1: the venue or class is full or the time overlaps.</source>
        <translation>The hub rejected booking %1: the venue or class is full or the time overlaps.</translation>
    </message>
    <message>
        <source>The sync service has not started.</source>
        <translation>The sync service has not started.</translation>
    </message>
    <message>
        <source>This desk is already enrolled with a hub.</source>
        <translation>This desk is already enrolled with a hub.</translation>
    </message>
    <message>
        <source>The hub credentials could not be read.</source>
        <translation>The hub credentials could not be read.</translation>
    </message>
    <message>
        <source>The desk is syncing right now; try again in a moment.</source>
        <translation>The desk is syncing right now; try again in a moment.</translation>
    </message>
</context>
<context>
    <name>gymgate::SyncPage</name>
    <message>
        <source>Syncing with the hub…</source>
        <translation>Syncing with the hub…</translation>
    </message>
    <message>
        <source>Working offline: nothing goes to the hub until this is switched off.</source>
        <translation>Working offline: nothing goes to the hub until this is switched off.</translation>
    </message>
    <message>
        <source>Back online: syncing with the hub.</source>
        <translation>Back online: syncing with the hub.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <source>Hub address:</source>
        <translation>Hub address:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Site:</translation>
    </message>
    <message>
        <source>This device:</source>
        <translation>This device:</translation>
    </message>
    <message>
        <source>Waiting to send:</source>
        <translation>Waiting to send:</translation>
    </message>
    <message>
        <source>Refused by the hub:</source>
        <translation>Refused by the hub:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Last sync:</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Last error:</translation>
    </message>
    <message>
        <source>Live updates:</source>
        <translation>Live updates:</translation>
    </message>
    <message>
        <source>Next attempt:</source>
        <translation>Next attempt:</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <source>&amp;Work offline</source>
        <translation>&amp;Work offline</translation>
    </message>
    <message>
        <source>Stop talking to the hub (for example on a metered connection). The desk and the gates keep working; everything is sent when this is switched off.</source>
        <translation>Stop talking to the hub (for example on a metered connection). The desk and the gates keep working; everything is sent when this is switched off.</translation>
    </message>
    <message>
        <source>&amp;Enroll with a hub…</source>
        <translation>&amp;Enroll with a hub…</translation>
    </message>
    <message>
        <source>&amp;Unenroll…</source>
        <translation>&amp;Unenroll…</translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation>Refused by the hub</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Discard…</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <source>Show ac&amp;knowledged</source>
        <translation>Show ac&amp;knowledged</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Offline since %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>not enrolled: this desk works alone</source>
        <translation>not enrolled: this desk works alone</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 by %2</translation>
    </message>
    <message>
        <source>Card overdrawn</source>
        <translation>Card overdrawn</translation>
    </message>
    <message>
        <source>Booking refused</source>
        <translation>Booking refused</translation>
    </message>
    <message>
        <source>Data conflict</source>
        <translation>Data conflict</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Event %1 (%2)
At %3 by %4
Refused at %5: %6</source>
        <translation>Event %1 (%2)
At %3 by %4
Refused at %5: %6</translation>
    </message>
    <message>
        <source>the system</source>
        <translation>the system</translation>
    </message>
    <message>
        <source>This desk is enrolled with the hub.</source>
        <translation>This desk is enrolled with the hub.</translation>
    </message>
    <message>
        <source>Unenroll from the hub</source>
        <translation>Unenroll from the hub</translation>
    </message>
    <message>
        <source>Stop syncing with %1? Local data and the events waiting to be sent stay here; enrolling again needs a new code from the hub.</source>
        <translation>Stop syncing with %1? Local data and the events waiting to be sent stay here; enrolling again needs a new code from the hub.</translation>
    </message>
    <message>
        <source>This desk no longer syncs with the hub.</source>
        <translation>This desk no longer syncs with the hub.</translation>
    </message>
    <message>
        <source>The event is queued again and goes to the hub with the next sync.</source>
        <translation>The event is queued again and goes to the hub with the next sync.</translation>
    </message>
    <message>
        <source>Discard a refused event</source>
        <translation>Discard a refused event</translation>
    </message>
    <message>
        <source>Discard this event for good? The hub never gets it; the audit log records that you discarded it.</source>
        <translation>Discard this event for good? The hub never gets it; the audit log records that you discarded it.</translation>
    </message>
    <message>
        <source>The refused event was discarded.</source>
        <translation>The refused event was discarded.</translation>
    </message>
    <message>
        <source>Conflict acknowledged.</source>
        <translation>Conflict acknowledged.</translation>
    </message>
</context>
<context>
    <name>gymgate::SyncService</name>
    <message>
        <source>The desk could not leave the hub.</source>
        <translation>The desk could not leave the hub.</translation>
    </message>
    <message>
        <source>The refused event %1 does not exist.</source>
        <translation>The refused event %1 does not exist.</translation>
    </message>
</context>
<context>
    <name>gymgate::SyncStatusLabel</name>
    <message>
        <source>Not enrolled</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Working offline</translation>
    </message>
    <message>
        <source>Sync off</source>
        <translation>Sync off</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Offline since %1</translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced by another GymGate process</source>
        <translation>Synced by another GymGate process</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Ready. Scan or type a member code, one per line (Ctrl+D ends).</source>
        <translation>Ready. Scan or type a member code, one per line (Ctrl+D ends).</translation>
    </message>
</context>
</TS>
