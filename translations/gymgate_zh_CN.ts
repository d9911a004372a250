<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessReason</name>
    <message>
        <source>No decision was made.</source>
        <translation>未作出判定。</translation>
    </message>
    <message>
        <source>Please see the front desk.</source>
        <translation>请到前台咨询。</translation>
    </message>
    <message>
        <source>Welcome! Please go through.</source>
        <translation>欢迎光临！请通行。</translation>
    </message>
    <message>
        <source>Walk through the gate now.</source>
        <translation>请现在通过闸机。</translation>
    </message>
    <message>
        <source>Emergency: all gates are open.</source>
        <translation>紧急状态：所有闸机已打开。</translation>
    </message>
    <message>
        <source>Leave the building calmly by the nearest exit.</source>
        <translation>请保持冷静，从最近的出口离开建筑。</translation>
    </message>
    <message>
        <source>This code is not a GymGate member code.</source>
        <translation>此码不是 GymGate 会员码。</translation>
    </message>
    <message>
        <source>Show your member QR code from the app or your member card.</source>
        <translation>请出示 App 中的会员二维码或您的会员卡。</translation>
    </message>
    <message>
        <source>This code was issued by an unknown system.</source>
        <translation>此码由未知系统签发。</translation>
    </message>
    <message>
        <source>Please ask the front desk to issue you a new code.</source>
        <translation>请到前台申请新的会员码。</translation>
    </message>
    <message>
        <source>This code is not genuine.</source>
        <translation>此码未通过真伪校验。</translation>
    </message>
    <message>
        <source>This code has expired.</source>
        <translation>此码已过期。</translation>
    </message>
    <message>
        <source>Refresh the code in the app and scan again.</source>
        <translation>请在 App 中刷新会员码后重新扫码。</translation>
    </message>
    <message>
        <source>This code is not valid yet.</source>
        <translation>此码尚未生效。</translation>
    </message>
    <message>
        <source>Check the time on your phone, refresh the code and scan again.</source>
        <translation>请检查手机时间，刷新会员码后重新扫码。</translation>
    </message>
    <message>
        <source>This code has been replaced by a newer one.</source>
        <translation>此码已被新码取代。</translation>
    </message>
    <message>
        <source>Use your newest member code, or ask the front desk.</source>
        <translation>请使用最新的会员码，或咨询前台。</translation>
    </message>
    <message>
        <source>This code was signed with a withdrawn key.</source>
        <translation>此码的签名密钥已被撤销。</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>此码已被使用。</translation>
    </message>
    <message>
        <source>Plain member numbers are not accepted here.</source>
        <translation>此处不接受纯会员号。</translation>
    </message>
    <message>
        <source>Member not found.</source>
        <translation>未找到该会员。</translation>
    </message>
    <message>
        <source>Please register at the front desk.</source>
        <translation>请到前台办理登记。</translation>
    </message>
    <message>
        <source>This membership is blocked.</source>
        <translation>该会员已被禁用。</translation>
    </message>
    <message>
        <source>This membership was closed.</source>
        <translation>该会员已注销。</translation>
    </message>
    <message>
        <source>This area is closed now.</source>
        <translation>该区域当前未开放。</translation>
    </message>
    <message>
        <source>Please come back during opening hours.</source>
        <translation>请在营业时间内再来。</translation>
    </message>
    <message>
        <source>This area is closed for maintenance.</source>
        <translation>该区域正在维护，暂停开放。</translation>
    </message>
    <message>
        <source>Please ask the front desk when it reopens.</source>
        <translation>重新开放时间请咨询前台。</translation>
    </message>
    <message>
        <source>No membership card found.</source>
        <translation>未找到会员卡。</translation>
    </message>
    <message>
        <source>Please buy a card at the front desk.</source>
        <translation>请到前台办卡。</translation>
    </message>
    <message>
        <source>Your card has expired.</source>
        <translation>您的会员卡已过期。</translation>
    </message>
    <message>
        <source>Please renew your card at the front desk.</source>
        <translation>请到前台续卡。</translation>
    </message>
    <message>
        <source>Your card is not valid yet.</source>
        <translation>您的会员卡尚未生效。</translation>
    </message>
    <message>
        <source>Please check its start date at the front desk.</source>
        <translation>请到前台确认生效日期。</translation>
    </message>
    <message>
        <source>Your card is frozen.</source>
        <translation>您的会员卡已冻结。</translation>
    </message>
    <message>
        <source>Please unfreeze it at the front desk.</source>
        <translation>请到前台办理解冻。</translation>
    </message>
    <message>
        <source>Your card is not valid at this time of day.</source>
        <translation>您的会员卡在当前时段不可用。</translation>
    </message>
    <message>
        <source>Please come back within your card&apos;s hours, or upgrade at the front desk.</source>
        <translation>请在会员卡可用时段内再来，或到前台升级。</translation>
    </message>
    <message>
        <source>Your card is not valid for this area.</source>
        <translation>您的会员卡不适用于该区域。</translation>
    </message>
    <message>
        <source>Please ask the front desk which areas your card covers.</source>
        <translation>请向前台咨询您的会员卡适用区域。</translation>
    </message>
    <message>
        <source>Your card has no visits left.</source>
        <translation>您的会员卡已无剩余次数。</translation>
    </message>
    <message>
        <source>Please top up or buy a new card at the front desk.</source>
        <translation>请到前台充值或购买新卡。</translation>
    </message>
    <message>
        <source>Your card balance is too low for a visit.</source>
        <translation>您的会员卡余额不足以支付本次入场。</translation>
    </message>
    <message>
        <source>Please top up at the front desk.</source>
        <translation>请到前台充值。</translation>
    </message>
    <message>
        <source>This area needs a booking, and you have none now.</source>
        <translation>该区域需要预约，您当前没有有效预约。</translation>
    </message>
    <message>
        <source>Book a class or a court at the front desk or in the app.</source>
        <translation>请在前台或 App 中预约课程或场地。</translation>
    </message>
    <message>
        <source>You entered a moment ago and have not left yet.</source>
        <translation>您刚刚已入场，尚未离场。</translation>
    </message>
    <message>
        <source>Each code lets one person in. Please see the front desk.</source>
        <translation>一码仅限一人入场。请到前台咨询。</translation>
    </message>
    <message>
        <source>You reached today&apos;s entry limit.</source>
        <translation>您已达到今日入场次数上限。</translation>
    </message>
    <message>
        <source>Please come back tomorrow.</source>
        <translation>请明天再来。</translation>
    </message>
    <message>
        <source>This area is full right now.</source>
        <translation>该区域当前人数已满。</translation>
    </message>
    <message>
        <source>Please wait a few minutes and scan again.</source>
        <translation>请稍候几分钟再重新扫码。</translation>
    </message>
    <message>
        <source>Entered again without leaving (allowed, recorded).</source>
        <translation>未离场再次入场（已放行，已记录）。</translation>
    </message>
    <message>
        <source>Entered with a plain member number (weak).</source>
        <translation>使用纯会员号入场（安全性低）。</translation>
    </message>
    <message>
        <source>Ask the front desk for a member QR code.</source>
        <translation>请到前台领取会员二维码。</translation>
    </message>
    <message>
        <source>This gate cannot be reached right now.</source>
        <translation>当前无法连接此闸机。</translation>
    </message>
    <message>
        <source>Please use another gate or ask the front desk to let you in.</source>
        <translation>请使用其他闸机，或请前台为您放行。</translation>
    </message>
    <message>
        <source>This gate is out of order.</source>
        <translation>此闸机暂停服务。</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>GymGate: gym access control and front desk.</source>
        <translation>GymGate：健身房门禁与前台系统。</translation>
    </message>
    <message>
        <source>The local database file.</source>
        <translation>本地数据库文件。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Folder for the rotating diagnostic log.</source>
        <translation>滚动诊断日志的目录。</translation>
    </message>
    <message>
        <source>Diagnostic log level: trace, debug, info, warn, error.</source>
        <translation>诊断日志级别：trace、debug、info、warn、error。</translation>
    </message>
    <message>
        <source>level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>The gate this controller serves (id or name).</source>
        <translation>本控制器所服务的闸机（ID 或名称）。</translation>
    </message>
    <message>
        <source>gate</source>
        <translation>闸机</translation>
    </message>
    <message>
        <source>Decision output: text or json (default: text on a terminal, else json).</source>
        <translation>判定结果输出格式：text 或 json（默认：终端上为 text，否则为 json）。</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use zh_CN or en.</source>
        <translation>未知语言“%1”：请使用 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Unknown output format &quot;%1&quot;: use text or json.</source>
        <translation>未知输出格式“%1”：请使用 text 或 json。</translation>
    </message>
    <message>
        <source>Unknown log level &quot;%1&quot;.</source>
        <translation>未知日志级别“%1”。</translation>
    </message>
    <message>
        <source>Run as if it were this time (ISO 8601, e.g. 2026-03-04T10:05:00+08:00); time then runs on. For demos and tests.</source>
        <translation>以此时间为起点运行（ISO 8601，例如 2026-03-04T10:05:00+08:00），之后时间照常走动。用于演示和测试。</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>The clock must be an ISO 8601 date and time, like 2026-03-04T10:05:00+08:00.</source>
        <translation>时钟必须是 ISO 8601 日期时间，例如 2026-03-04T10:05:00+08:00。</translation>
    </message>
    <message>
        <source>Run the entry controller without a window: codes from serial scanners and standard input, every step on standard output.</source>
        <translation>无窗口运行入场控制器：从串口扫码器和标准输入读取二维码，每一步输出到标准输出。</translation>
    </message>
    <message>
        <source>Run the entry kiosk: a full-screen window at the gate (leave with Ctrl+Alt+Q and the PIN).</source>
        <translation>运行入场自助终端：闸机旁的全屏窗口（按 Ctrl+Alt+Q 并输入 PIN 退出）。</translation>
    </message>
    <message>
        <source>Show the kiosk in a normal window instead of full screen.</source>
        <translation>以普通窗口而非全屏显示自助终端。</translation>
    </message>
    <message>
        <source>A serial QR scanner: device, optionally @gate for the gate it serves (e.g. /dev/ttyACM0@Gate 2 or /dev/ttyACM1@&lt;gate id&gt;:out). Repeat for several.</source>
        <translation>串口二维码扫码器：设备路径，可选 @闸机 指定其服务的闸机（例如 /dev/ttyACM0@2号闸机 或 /dev/ttyACM1@&lt;闸机 ID&gt;:out）。多个扫码器请重复此选项。</translation>
    </message>
    <message>
        <source>device[@gate]</source>
        <translation>设备[@闸机]</translation>
    </message>
    <message>
        <source>Baud rate of the serial scanners (default 9600).</source>
        <translation>串口扫码器的波特率（默认 9600）。</translation>
    </message>
    <message>
        <source>baud</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>Decode every image file put into this folder as a scan (demo and tests).</source>
        <translation>将放入此文件夹的每个图片文件解码为一次扫码（用于演示和测试）。</translation>
    </message>
    <message>
        <source>Show the demo codes of this gymgate-datagen --codes file beside the kiosk, to present them.</source>
        <translation>在自助终端旁显示此 gymgate-datagen --codes 文件中的演示码，以便出示。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The scanner baud rate must be a number from 1200 to 921600.</source>
        <translation>扫码器波特率必须是 1200 到 921600 之间的数字。</translation>
    </message>
    <message>
        <source>A scanner needs a device path: %1</source>
        <translation>扫码器需要设备路径：%1</translation>
    </message>
    <message>
        <source>Run the front desk: members, cards, bookings, manual check-in, staff (with --kiosk: both windows).</source>
        <translation>运行前台：会员、会员卡、预约、手动签到、员工（与 --kiosk 同用时打开两个窗口）。</translation>
    </message>
    <message>
        <source>Folder of the data key and the desk signing key (default: the database&apos;s folder).</source>
        <translation>数据密钥和前台签名密钥所在的目录（默认：数据库所在目录）。</translation>
    </message>
    <message>
        <source>--headless runs without a window: not with --kiosk or --desk.</source>
        <translation>--headless 无窗口运行：不能与 --kiosk 或 --desk 同时使用。</translation>
    </message>
    <message>
        <source>The hub credentials file written at enrollment (default: beside the database, &lt;db&gt;.hub.json).</source>
        <translation>注册时写入的中心服务器凭据文件（默认：数据库旁的 &lt;db&gt;.hub.json）。</translation>
    </message>
    <message>
        <source>Do not sync with the hub: no network traffic; events wait in the outbox.</source>
        <translation>不与中心服务器同步：不产生网络流量，事件在发件箱中等待。</translation>
    </message>
    <message>
        <source>--enroll and --unenroll cannot be given together.</source>
        <translation>--enroll 和 --unenroll 不能同时使用。</translation>
    </message>
    <message>
        <source>--enroll and --unenroll run on their own: not with --kiosk or --desk.</source>
        <translation>--enroll 和 --unenroll 单独运行：不能与 --kiosk 或 --desk 一起使用。</translation>
    </message>
    <message>
        <source>--enroll-code needs --enroll with the hub&apos;s address.</source>
        <translation>--enroll-code 需要配合 --enroll 和中心服务器地址使用。</translation>
    </message>
    <message>
        <source>--enroll needs the enrollment code: --enroll-code CODE.</source>
        <translation>--enroll 需要注册码：--enroll-code 注册码。</translation>
    </message>
    <message>
        <source>Unknown device kind &quot;%1&quot;: use desk, kiosk or controller.</source>
        <translation>未知的设备类型“%1”：请使用 desk、kiosk 或 controller。</translation>
    </message>
    <message>
        <source>Enroll this database with the hub at this address (with --enroll-code), then exit. For a PC without a desk screen; a desk enrolls on its Sync page.</source>
        <translation>将此数据库注册到该地址的中心服务器（配合 --enroll-code），然后退出。用于没有前台界面的电脑；前台请在“同步”页面注册。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>The enrollment code an admin made on the hub for this device.</source>
        <translation>管理员在中心服务器上为此设备生成的注册码。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <source>With --enroll: this device&apos;s name on the hub (default: the name given with the code).</source>
        <translation>配合 --enroll：此设备在中心服务器上的名称（默认：生成注册码时填写的名称）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>With --enroll: desk, kiosk or controller (default controller).</source>
        <translation>配合 --enroll：desk、kiosk 或 controller（默认 controller）。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Forget the hub credentials of this database (its data and queued events stay), then exit.</source>
        <translation>删除此数据库的中心服务器凭据（数据和待发送事件保留），然后退出。</translation>
    </message>
</context>
<context>
    <name>BookingDesk</name>
    <message>
        <source>The member already has a booking at this time.</source>
        <translation>该会员在此时段已有预约。</translation>
    </message>
    <message>
        <source>The venue is already taken at this time.</source>
        <translation>该场馆在此时段已被占用。</translation>
    </message>
    <message>
        <source>The class is full.</source>
        <translation>该课时已满员。</translation>
    </message>
    <message>
        <source>The venue is fully booked at this time.</source>
        <translation>该场馆在此时段已约满。</translation>
    </message>
    <message>
        <source>The venue is closed for maintenance at this time.</source>
        <translation>该场馆在此时段处于维护期。</translation>
    </message>
    <message>
        <source>The time is outside the venue&apos;s opening hours.</source>
        <translation>该时间不在场馆的开放时间内。</translation>
    </message>
    <message>
        <source>The time is too far ahead: this venue takes bookings only a limited number of days in advance.</source>
        <translation>预约时间过远：该场馆只接受一定天数内的提前预约。</translation>
    </message>
    <message>
        <source>The member already holds the maximum number of active bookings for this venue.</source>
        <translation>该会员在此场馆的有效预约数已达上限。</translation>
    </message>
    <message>
        <source>The venue is closed.</source>
        <translation>该场馆已关闭。</translation>
    </message>
    <message>
        <source>The time has already passed.</source>
        <translation>该时间已过。</translation>
    </message>
    <message>
        <source>The member is blocked.</source>
        <translation>该会员已被禁用。</translation>
    </message>
    <message>
        <source>There is no class at this time that week.</source>
        <translation>该周此时间没有课时。</translation>
    </message>
    <message>
        <source>The member is already on the waiting list.</source>
        <translation>该会员已在候补名单中。</translation>
    </message>
    <message>
        <source>There is still a free place: book it instead.</source>
        <translation>仍有空余名额：请直接预约。</translation>
    </message>
    <message>
        <source>It is too late to cancel: the venue&apos;s cancellation deadline has passed.</source>
        <translation>取消太晚：已过该场馆的取消截止时间。</translation>
    </message>
    <message>
        <source>The booking is not active.</source>
        <translation>该预约不是有效状态。</translation>
    </message>
    <message>
        <source>The booking has already started.</source>
        <translation>该预约已开始。</translation>
    </message>
    <message>
        <source>The venue name is missing.</source>
        <translation>缺少场馆名称。</translation>
    </message>
    <message>
        <source>Choose the kind of venue.</source>
        <translation>请选择场馆类型。</translation>
    </message>
    <message>
        <source>The capacity cannot be negative.</source>
        <translation>容量不能为负数。</translation>
    </message>
    <message>
        <source>The fee cannot be negative.</source>
        <translation>费用不能为负数。</translation>
    </message>
    <message>
        <source>Advance days must be between 0 and 365.</source>
        <translation>提前预约天数必须在 0 到 365 之间。</translation>
    </message>
    <message>
        <source>The maximum of active bookings must be between 0 and 1000.</source>
        <translation>有效预约上限必须在 0 到 1000 之间。</translation>
    </message>
    <message>
        <source>Cancel hours must be between 0 and 720.</source>
        <translation>取消时限必须在 0 到 720 小时之间。</translation>
    </message>
    <message>
        <source>The cancel penalty must be between 0 and 100 percent.</source>
        <translation>取消违约金比例必须在 0 到 100% 之间。</translation>
    </message>
    <message>
        <source>The course name is missing.</source>
        <translation>缺少课程名称。</translation>
    </message>
    <message>
        <source>Choose the venue of the course.</source>
        <translation>请选择课程所在的场馆。</translation>
    </message>
    <message>
        <source>The duration must be between 1 and 1440 minutes.</source>
        <translation>时长必须在 1 到 1440 分钟之间。</translation>
    </message>
    <message>
        <source>The capacity must be at least one.</source>
        <translation>容量至少为 1。</translation>
    </message>
    <message>
        <source>The venue does not exist.</source>
        <translation>该场馆不存在。</translation>
    </message>
    <message>
        <source>The course does not exist.</source>
        <translation>该课程不存在。</translation>
    </message>
    <message>
        <source>The class does not exist.</source>
        <translation>该课时不存在。</translation>
    </message>
    <message>
        <source>Choose a class or a venue.</source>
        <translation>请选择课时或场馆。</translation>
    </message>
    <message>
        <source>The booking must end after it starts.</source>
        <translation>预约的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>A venue booking lasts at most one day.</source>
        <translation>场馆预约最长为一天。</translation>
    </message>
    <message>
        <source>Choose a member first.</source>
        <translation>请先选择会员。</translation>
    </message>
    <message>
        <source>The member does not exist.</source>
        <translation>该会员不存在。</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>The range must end after it starts.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Choose the venue status.</source>
        <translation>请选择场馆状态。</translation>
    </message>
    <message>
        <source>The venue still has bookings or classes to come; cancel them first.</source>
        <translation>该场馆还有未来的预约或课时，请先取消。</translation>
    </message>
    <message>
        <source>The maintenance must end after it starts.</source>
        <translation>维护的结束时间必须晚于开始时间。</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) or class(es) fall inside this period; move or cancel them first.</source>
        <translation>
            <numerusform>此期间内有 %n 个预约或课时，请先调整或取消。</numerusform>
        </translation>
    </message>
    <message>
        <source>The course still has classes to come; delete them first.</source>
        <translation>该课程还有未来的课时，请先删除。</translation>
    </message>
    <message>
        <source>The class must end after it starts.</source>
        <translation>课时的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>A class lasts at most one day.</source>
        <translation>课时最长为一天。</translation>
    </message>
    <message>
        <source>The venue holds at most %1 people.</source>
        <translation>该场馆最多容纳 %1 人。</translation>
    </message>
    <message>
        <source>The class overlaps another class in this venue: %1.</source>
        <translation>该课时与此场馆的另一课时时间重叠：%1。</translation>
    </message>
    <message>
        <source>The venue is booked by members at this time.</source>
        <translation>该场馆在此时段已被会员预约。</translation>
    </message>
    <message>
        <source>Members have booked this class; its time cannot change.</source>
        <translation>已有会员预约此课时，不能更改时间。</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) are booked already; the capacity cannot be lower.</source>
        <translation>
            <numerusform>已预约 %n 个名额，容量不能低于此数。</numerusform>
        </translation>
    </message>
    <message>
        <source>Members have booked this class; cancel their bookings first.</source>
        <translation>已有会员预约此课时，请先取消他们的预约。</translation>
    </message>
    <message>
        <source>Book between 1 and %1 weeks.</source>
        <translation>请预约 1 到 %1 周。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Nothing was booked. These dates conflict:
%1</source>
        <translation>未预约任何时段。以下日期有冲突：
%1</translation>
    </message>
    <message>
        <source>The waiting list entry</source>
        <translation>该候补记录</translation>
    </message>
    <message>
        <source>The booking does not exist.</source>
        <translation>该预约不存在。</translation>
    </message>
</context>
<context>
    <name>ChangeApplier</name>
    <message>
        <source>The change&apos;s data.publicKey must be a base64 key.</source>
        <translation>变更的 data.publicKey 必须是 base64 编码的密钥。</translation>
    </message>
    <message>
        <source>Change %1 of the page is not a JSON object.</source>
        <translation>本页第 %1 条变更不是 JSON 对象。</translation>
    </message>
    <message>
        <source>Change %1 of the page has no valid seq (a positive integer).</source>
        <translation>本页第 %1 条变更缺少有效的 seq（正整数）。</translation>
    </message>
    <message>
        <source>Change %1 of the page has an unknown entity &quot;%2&quot;.</source>
        <translation>本页第 %1 条变更的实体“%2”未知。</translation>
    </message>
    <message>
        <source>Change %1 of the page has no valid id.</source>
        <translation>本页第 %1 条变更缺少有效的 id。</translation>
    </message>
    <message>
        <source>Change %1 of the page has the op &quot;%2&quot;; it must be upsert or delete.</source>
        <translation>本页第 %1 条变更的 op 为“%2”，必须是 upsert 或 delete。</translation>
    </message>
    <message>
        <source>Change %1 of the page (%2 %3) has no data object.</source>
        <translation>本页第 %1 条变更（%2 %3）缺少 data 对象。</translation>
    </message>
    <message>
        <source>Change %1 of the page (%2 %3) is malformed: %4</source>
        <translation>本页第 %1 条变更（%2 %3）格式错误：%4</translation>
    </message>
    <message>
        <source>Change %1 of the page is for %2 %3 but its data is for %4.</source>
        <translation>本页第 %1 条变更针对 %2 %3，但其数据属于 %4。</translation>
    </message>
    <message>
        <source>member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>booking number</source>
        <translation>预约号</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>The hub&apos;s %1 %2 was not taken: the %3 is already used here by %1 %4.</source>
        <translation>未接收中心服务器的 %1 %2：该%3已被本机的 %1 %4 使用。</translation>
    </message>
    <message>
        <source>The hub&apos;s %1 %2 was not taken: its member %3 was not taken either.</source>
        <translation>未接收中心服务器的 %1 %2：其会员 %3 也未被接收。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The hub refused booking %1 of %2: the place was taken at another site first. Please tell the member.</source>
        <translation>中心服务器拒绝了 %2 的预约 %1：该名额已先被其他门店占用。请告知会员。</translation>
    </message>
    <message>
        <source>The hub&apos;s key %1 was not taken: this desk trusts another public key under that id.</source>
        <translation>未接收中心服务器的密钥 %1：本前台在该 ID 下信任的是另一个公钥。</translation>
    </message>
    <message>
        <source>The stored sync cursor &quot;%1&quot; is not a number.</source>
        <translation>保存的同步游标“%1”不是数字。</translation>
    </message>
    <message>
        <source>The page&apos;s next cursor must not be negative.</source>
        <translation>本页的 next 游标不能为负数。</translation>
    </message>
    <message>
        <source>The change&apos;s data.kid is not a valid key id.</source>
        <translation>变更的 data.kid 不是有效的密钥编号。</translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <source>A change was logged outside a transaction.</source>
        <translation>变更在事务之外被记录。</translation>
    </message>
    <message>
        <source>A change without entity, id or operation.</source>
        <translation>变更缺少实体、ID 或操作。</translation>
    </message>
</context>
<context>
    <name>CredentialCodec</name>
    <message>
        <source>Only card codes and app tokens can be encoded.</source>
        <translation>只能编码会员卡码和 App 令牌。</translation>
    </message>
    <message>
        <source>The member id is not a valid UUID.</source>
        <translation>会员 ID 不是有效的 UUID。</translation>
    </message>
    <message>
        <source>The card id is not a valid UUID.</source>
        <translation>会员卡 ID 不是有效的 UUID。</translation>
    </message>
    <message>
        <source>The issue time is out of range.</source>
        <translation>签发时间超出范围。</translation>
    </message>
    <message>
        <source>The expiry time is out of range.</source>
        <translation>过期时间超出范围。</translation>
    </message>
    <message>
        <source>The nonce must have 8 bytes.</source>
        <translation>随机数（nonce）必须为 8 字节。</translation>
    </message>
    <message>
        <source>A key id has 1 to 16 letters, digits, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>密钥 ID 由 1 到 16 个字母、数字、“_”或“-”组成。</translation>
    </message>
    <message>
        <source>The code could not be signed.</source>
        <translation>无法对此码签名。</translation>
    </message>
</context>
<context>
    <name>CredentialIssuer</name>
    <message>
        <source>Only card codes and app tokens can be issued.</source>
        <translation>只能签发会员卡码和 App 令牌。</translation>
    </message>
    <message>
        <source>The validity period is not valid.</source>
        <translation>有效期无效。</translation>
    </message>
</context>
<context>
    <name>Datagen</name>
    <message>
        <source>planning bookings</source>
        <translation>规划预约</translation>
    </message>
    <message>
        <source>bookings</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Cannot write the demo codes file %1: %2</source>
        <translation>无法写入演示码文件 %1：%2</translation>
    </message>
    <message>
        <source>planning entries</source>
        <translation>规划入场记录</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>入场记录</translation>
    </message>
    <message>
        <source>members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>member codes</source>
        <translation>会员码</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1：%2 / %3</translation>
    </message>
    <message>
        <source>%1: %2 done in %3 ms</source>
        <translation>%1：已完成 %2 条，用时 %3 毫秒</translation>
    </message>
    <message>
        <source>%1: done in %2 ms</source>
        <translation>%1：已完成，用时 %2 毫秒</translation>
    </message>
    <message>
        <source>The database refused a statement (%1): %2</source>
        <translation>数据库拒绝执行语句（%1）：%2</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3.</source>
        <translation>--%1 必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>--now must be an ISO date-time such as 2025-03-01T18:30:00+08:00, not &quot;%1&quot;.</source>
        <translation>--now 必须是 ISO 日期时间，例如 2025-03-01T18:30:00+08:00，而不是“%1”。</translation>
    </message>
    <message>
        <source>The SQLite database to create.</source>
        <translation>要创建的 SQLite 数据库。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Delete an existing database at --db first.</source>
        <translation>先删除 --db 处已有的数据库。</translation>
    </message>
    <message>
        <source>Number of members (default 1000).</source>
        <translation>会员数量（默认 1000）。</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Seed of every random choice (default 1).</source>
        <translation>所有随机选择所用的种子（默认 1）。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Membership cards per member (default 1.5).</source>
        <translation>每位会员的会员卡数（默认 1.5）。</translation>
    </message>
    <message>
        <source>Class and court bookings per member (default 10).</source>
        <translation>每位会员的课程和场地预约数（默认 10）。</translation>
    </message>
    <message>
        <source>Past rows of the entry log per member (default 20).</source>
        <translation>每位会员的历史入场记录条数（默认 20）。</translation>
    </message>
    <message>
        <source>Three-digit site number carried by member, card and booking numbers (default 100).</source>
        <translation>会员号、卡号和预约号中包含的三位门店编号（默认 100）。</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>The moment the data is placed around, ISO 8601; without an offset it is the site&apos;s time (default: now, rounded down to the hour).</source>
        <translation>数据所围绕的时间点，ISO 8601 格式；未带时区偏移时按门店时间解释（默认：当前时间，向下取整到整点）。</translation>
    </message>
    <message>
        <source>date-time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>Folder of the site data key and the desk signing key (default: the database&apos;s folder).</source>
        <translation>门店数据密钥和前台签名密钥所在的目录（默认：数据库所在目录）。</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Write demo scenarios (code to scan, expected outcome): JSON, or lines for gymgate --headless when the name ends in .txt.</source>
        <translation>写出演示场景（待扫描的码及预期结果）：默认为 JSON；文件名以 .txt 结尾时，写成供 gymgate --headless 使用的逐行文本。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>No progress on standard error.</source>
        <translation>不在标准错误输出中显示进度。</translation>
    </message>
    <message>
        <source>--cards-per-member must be a number from 0 to 10.</source>
        <translation>--cards-per-member 必须是 0 到 10 之间的数值。</translation>
    </message>
    <message>
        <source>At most %1 cards fit the seven-digit card numbers.</source>
        <translation>七位卡号最多只能容纳 %1 张会员卡。</translation>
    </message>
    <message>
        <source>At most %1 bookings fit the eight-digit booking numbers.</source>
        <translation>八位预约号最多只能容纳 %1 个预约。</translation>
    </message>
    <message>
        <source>--seed must be a whole number from 0 to 18446744073709551615.</source>
        <translation>--seed 必须是 0 到 18446744073709551615 之间的整数。</translation>
    </message>
    <message>
        <source>--site-number must be exactly three digits, e.g. 100.</source>
        <translation>--site-number 必须正好是三位数字，例如 100。</translation>
    </message>
    <message>
        <source>--db is required: the database file to create.</source>
        <translation>必须指定 --db：要创建的数据库文件。</translation>
    </message>
    <message>
        <source>Builds a realistic GymGate site database of any size, the same for the same seed.</source>
        <translation>生成任意规模、贴近真实的 GymGate 门店数据库；种子相同则数据相同。</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; see --help.</source>
        <translation>意外的参数“%1”；请参阅 --help。</translation>
    </message>
    <message>
        <source>The database %1 already exists. Use --force to delete it and generate a new one.</source>
        <translation>数据库 %1 已存在。使用 --force 可将其删除并重新生成。</translation>
    </message>
    <message>
        <source>Cannot delete the database %1.</source>
        <translation>无法删除数据库 %1。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建目录 %1。</translation>
    </message>
    <message>
        <source>Cannot create the key folder %1.</source>
        <translation>无法创建密钥目录 %1。</translation>
    </message>
    <message>
        <source>indexes</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>Modbus TCP port of the gate controller on this machine; gate N is slave N (default 1502).</source>
        <translation>本机闸机控制器的 Modbus TCP 端口；第 N 个闸机为从站 N（默认 1502）。</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
</context>
<context>
    <name>DbTool</name>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>File size: %1 bytes</source>
        <translation>文件大小：%1 字节</translation>
    </message>
    <message>
        <source>Schema version: %1 (this program: %2)</source>
        <translation>数据库版本：%1（本程序：%2）</translation>
    </message>
    <message>
        <source>Tables: %1</source>
        <translation>数据表：%1 个</translation>
    </message>
    <message>
        <source>The database is up to date at schema version %1.</source>
        <translation>数据库已是最新，数据库版本为 %1。</translation>
    </message>
    <message>
        <source>Migrated from schema version %1 to %2.</source>
        <translation>已从数据库版本 %1 迁移到 %2。</translation>
    </message>
    <message>
        <source>Backup of the old file: %1</source>
        <translation>旧文件的备份：%1</translation>
    </message>
    <message>
        <source>audit chain BROKEN at seq %1 (%2 entries intact before it)</source>
        <translation>审计链在序号 %1 处断裂（此前 %2 条记录完好）</translation>
    </message>
    <message>
        <source>audit chain intact: %1 entries</source>
        <translation>审计链完好：%1 条记录</translation>
    </message>
    <message>
        <source>Backup written to %1.</source>
        <translation>备份已写入 %1。</translation>
    </message>
    <message>
        <source>Inspect, migrate, check and back up a GymGate local database.</source>
        <translation>查看、迁移、检查和备份 GymGate 本地数据库。</translation>
    </message>
    <message>
        <source>The database file.</source>
        <translation>数据库文件。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>info | migrate | verify-audit | integrity | backup &lt;target&gt;</source>
        <translation>info | migrate | verify-audit | integrity | backup &lt;目标文件&gt;</translation>
    </message>
    <message>
        <source>Name a command: info, migrate, verify-audit, integrity or backup &lt;target&gt;.</source>
        <translation>请指定命令：info、migrate、verify-audit、integrity 或 backup &lt;目标文件&gt;。</translation>
    </message>
    <message>
        <source>Give the database file with --db &lt;path&gt;.</source>
        <translation>请用 --db &lt;路径&gt; 指定数据库文件。</translation>
    </message>
    <message>
        <source>backup needs exactly one target file.</source>
        <translation>backup 命令需要且只能有一个目标文件。</translation>
    </message>
    <message>
        <source>Unknown command or wrong arguments: %1</source>
        <translation>未知命令或参数错误：%1</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <source>Enrolled. The other pages show times in the site&apos;s time zone (%1) after GymGate restarts.</source>
        <translation>已注册。其他页面将在 GymGate 重新启动后按门店时区（%1）显示时间。</translation>
    </message>
</context>
<context>
    <name>DeskShots</name>
    <message>
        <source>Saves a PNG of every front desk screen on a copy of a demo gym.</source>
        <translation>在演示健身房的副本上为每个前台界面保存一张 PNG 截图。</translation>
    </message>
    <message>
        <source>The gym made by gymgate-datagen (its folder holds data.key and signing.key).</source>
        <translation>由 gymgate-datagen 生成的健身房数据库（其目录中有 data.key 和 signing.key）。</translation>
    </message>
    <message>
        <source>Directory for the PNG files.</source>
        <translation>PNG 文件的目录。</translation>
    </message>
    <message>
        <source>Window size, WIDTHxHEIGHT.</source>
        <translation>窗口大小，宽x高。</translation>
    </message>
    <message>
        <source>Site language (zh_CN or en).</source>
        <translation>场馆语言（zh_CN 或 en）。</translation>
    </message>
    <message>
        <source>The time the desk runs at, ISO 8601 (the --now given to gymgate-datagen).</source>
        <translation>前台运行的时间，ISO 8601 格式（即传给 gymgate-datagen 的 --now）。</translation>
    </message>
    <message>
        <source>Bad --db, --size, --lang or --clock (see --help).</source>
        <translation>--db、--size、--lang 或 --clock 无效（见 --help）。</translation>
    </message>
    <message>
        <source>Cannot copy %1</source>
        <translation>无法复制 %1</translation>
    </message>
    <message>
        <source>The gym has no card products.</source>
        <translation>该健身房没有会员卡产品。</translation>
    </message>
    <message>
        <source>No class could be booked.</source>
        <translation>没有可预约的课时。</translation>
    </message>
    <message>
        <source>No member %1 in this gym.</source>
        <translation>该健身房没有会员 %1。</translation>
    </message>
    <message>
        <source>The page %1 is not shown.</source>
        <translation>页面 %1 未显示。</translation>
    </message>
</context>
<context>
    <name>DeviceModule</name>
    <message>
        <source>Too many attempts; wait a minute and try again.</source>
        <translation>尝试次数过多，请等待一分钟后再试。</translation>
    </message>
    <message>
        <source>The enrollment code is unknown, used or expired.</source>
        <translation>注册码未知、已被使用或已过期。</translation>
    </message>
    <message>
        <source>Unknown or revoked device, or wrong device secret.</source>
        <translation>设备未知或已被撤销，或设备密钥错误。</translation>
    </message>
    <message>
        <source>No site %1.</source>
        <translation>不存在门店 %1。</translation>
    </message>
    <message>
        <source>The field &quot;number&quot; must be 1 to 8 digits.</source>
        <translation>字段“number”必须是 1 到 8 位数字。</translation>
    </message>
    <message>
        <source>The field &quot;timezone&quot; must be an IANA time zone such as Asia/Shanghai.</source>
        <translation>字段“timezone”必须是 IANA 时区，例如 Asia/Shanghai。</translation>
    </message>
    <message>
        <source>Another site has the number %1.</source>
        <translation>另一个门店已使用编号 %1。</translation>
    </message>
    <message>
        <source>The field &quot;signingPublicKey&quot; must be the base64 of a 32-byte Ed25519 public key.</source>
        <translation>字段“signingPublicKey”必须是 32 字节 Ed25519 公钥的 base64 编码。</translation>
    </message>
    <message>
        <source>The field &quot;signingKid&quot; must be 1 to 16 characters of A-Z, a-z, 0-9, _ and -.</source>
        <translation>字段“signingKid”必须由 1 到 16 个 A-Z、a-z、0-9、_ 和 - 字符组成。</translation>
    </message>
    <message>
        <source>The field &quot;siteId&quot; names no site (%1).</source>
        <translation>字段“siteId”未指向任何门店（%1）。</translation>
    </message>
    <message>
        <source>The field &quot;kind&quot; must be desk, kiosk or controller.</source>
        <translation>字段“kind”必须是 desk、kiosk 或 controller。</translation>
    </message>
    <message>
        <source>The key id %1 is taken already.</source>
        <translation>密钥 ID %1 已被占用。</translation>
    </message>
    <message>
        <source>No device %1.</source>
        <translation>不存在设备 %1。</translation>
    </message>
    <message>
        <source>The device %1 is revoked already.</source>
        <translation>设备 %1 已被撤销。</translation>
    </message>
    <message>
        <source>A member may only get an entry token for themselves.</source>
        <translation>会员只能为自己获取入场令牌。</translation>
    </message>
    <message>
        <source>No member %1.</source>
        <translation>不存在会员 %1。</translation>
    </message>
    <message>
        <source>The member is blocked and gets no entry token.</source>
        <translation>该会员已被禁用，无法获取入场令牌。</translation>
    </message>
    <message>
        <source>No credential %1.</source>
        <translation>不存在凭证 %1。</translation>
    </message>
    <message>
        <source>The credential %1 is revoked already.</source>
        <translation>凭证 %1 已被撤销。</translation>
    </message>
</context>
<context>
    <name>EnrollCommand</name>
    <message>
        <source>gymgate: %1</source>
        <translation>gymgate：%1</translation>
    </message>
    <message>
        <source>gymgate: %1 (%2)</source>
        <translation>gymgate：%1（%2）</translation>
    </message>
    <message>
        <source>This database is no longer enrolled; its data and queued events stay.</source>
        <translation>此数据库已取消注册；数据和待发送事件保留。</translation>
    </message>
    <message>
        <source>Enrolled as %1 (%2) at site %3 (%4) of the hub %5. Credentials: %6</source>
        <translation>已注册为 %1（%2），门店 %3（%4），中心服务器 %5。凭据文件：%6</translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <source>The hub address must be http:// or https:// with a host name and an optional port, without a path, for example https://hub.example.com:8443.</source>
        <translation>中心服务器地址必须以 http:// 或 https:// 开头，包含主机名，可带端口，不能带路径，例如 https://hub.example.com:8443。</translation>
    </message>
    <message>
        <source>The hub&apos;s answer could not be read.</source>
        <translation>无法读取中心服务器的应答。</translation>
    </message>
    <message>
        <source>The phone number of member %1 cannot be read with this desk&apos;s data key.</source>
        <translation>无法用本前台的数据密钥读取会员 %1 的手机号。</translation>
    </message>
    <message>
        <source>The member</source>
        <translation>该会员</translation>
    </message>
    <message>
        <source>The queued event</source>
        <translation>该待发送事件</translation>
    </message>
    <message>
        <source>Enter the enrollment code the hub administrator gave you.</source>
        <translation>请输入中心服务器管理员提供的注册码。</translation>
    </message>
</context>
<context>
    <name>EntryService</name>
    <message>
        <source>There is no gate %1.</source>
        <translation>不存在闸机 %1。</translation>
    </message>
    <message>
        <source>The lane id &quot;%1&quot; is empty or used twice.</source>
        <translation>通道 ID “%1”为空或重复。</translation>
    </message>
    <message>
        <source>A lane leads in or out.</source>
        <translation>通道方向必须是进或出。</translation>
    </message>
    <message>
        <source>The connection to the gate was lost.</source>
        <translation>与闸机的连接已断开。</translation>
    </message>
    <message>
        <source>There is no lane %1.</source>
        <translation>不存在通道 %1。</translation>
    </message>
    <message>
        <source>Please wait until the person before you has gone through.</source>
        <translation>请等待前一位通过后再扫码。</translation>
    </message>
    <message>
        <source>The gate has no driver.</source>
        <translation>此闸机没有驱动。</translation>
    </message>
    <message>
        <source>The gate did not answer the open command.</source>
        <translation>闸机未响应开闸命令。</translation>
    </message>
    <message>
        <source>Choose the member to let in.</source>
        <translation>请选择要放行的会员。</translation>
    </message>
    <message>
        <source>Say why the member is let in by hand.</source>
        <translation>请说明手动放行的原因。</translation>
    </message>
    <message>
        <source>Please wait until the person before has gone through.</source>
        <translation>请等待前一位通过后再操作。</translation>
    </message>
</context>
<context>
    <name>EntryStation</name>
    <message>
        <source>The database %1 does not exist. Create a demo gym with gymgate-datagen first.</source>
        <translation>数据库 %1 不存在。请先用 gymgate-datagen 创建演示健身房。</translation>
    </message>
    <message>
        <source>The site time zone setting is not a valid time zone.</source>
        <translation>门店时区设置不是有效的时区。</translation>
    </message>
    <message>
        <source>No gate &quot;%1&quot; in this database.</source>
        <translation>此数据库中没有闸机“%1”。</translation>
    </message>
    <message>
        <source>No entry gate is configured in this database.</source>
        <translation>此数据库中未配置入场闸机。</translation>
    </message>
    <message>
        <source>No gate &quot;%1&quot; for the scanner %2.</source>
        <translation>扫码器 %2 对应的闸机“%1”不存在。</translation>
    </message>
</context>
<context>
    <name>EventApplier</name>
    <message>
        <source>The hub knows no %1 with the id in %2.</source>
        <translation>中心没有与 %2 中的 ID 对应的 %1。</translation>
    </message>
    <message>
        <source>The event type %1 is unknown to this hub.</source>
        <translation>本中心无法识别事件类型 %1。</translation>
    </message>
    <message>
        <source>The event&apos;s data.birthday must be a date (YYYY-MM-DD).</source>
        <translation>事件的 data.birthday 必须是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Another member has the number in data.memberNo.</source>
        <translation>另一位会员已使用 data.memberNo 中的会员号。</translation>
    </message>
    <message>
        <source>Another member has the phone number in data.phoneHash.</source>
        <translation>另一位会员已使用 data.phoneHash 中的手机号。</translation>
    </message>
    <message>
        <source>Another card has the number in data.cardNo.</source>
        <translation>另一张会员卡已使用 data.cardNo 中的卡号。</translation>
    </message>
    <message>
        <source>Another sale has the receipt number in data.receiptNo.</source>
        <translation>另一笔销售已使用 data.receiptNo 中的收据号。</translation>
    </message>
    <message>
        <source>The event&apos;s data.endMs must be after data.startMs.</source>
        <translation>事件的 data.endMs 必须晚于 data.startMs。</translation>
    </message>
    <message>
        <source>Another booking has the number in data.bookingNo.</source>
        <translation>另一个预约已使用 data.bookingNo 中的预约号。</translation>
    </message>
    <message>
        <source>Booking %1 is over the capacity of its class or venue, or overlaps another booking; it was stored as rejected and the member is told.</source>
        <translation>预约 %1 超出了所属课时或场馆的容量，或与其他预约时间重叠；已按“已拒绝”保存，并已通知会员。</translation>
    </message>
</context>
<context>
    <name>FeedbackModule</name>
    <message>
        <source>&quot;%1&quot; must be one of: %2.</source>
        <translation>“%1”必须是以下之一：%2。</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; is not accepted here.</source>
        <translation>此处不接受参数“%1”。</translation>
    </message>
    <message>
        <source>There is no feedback with this id.</source>
        <translation>不存在此 ID 的反馈。</translation>
    </message>
    <message>
        <source>There is no FAQ entry with this id.</source>
        <translation>不存在此 ID 的常见问题条目。</translation>
    </message>
    <message>
        <source>This feedback has been answered already.</source>
        <translation>此反馈已答复。</translation>
    </message>
    <message>
        <source>The body names no field to change.</source>
        <translation>请求体未指定要修改的字段。</translation>
    </message>
</context>
<context>
    <name>FieldCipher</name>
    <message>
        <source>Cannot read the data key file %1: %2</source>
        <translation>无法读取数据密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>The data key file %1 is damaged: it must hold exactly %2 bytes. Restore it from a backup; without it the encrypted phone numbers cannot be read.</source>
        <translation>数据密钥文件 %1 已损坏：其大小必须正好为 %2 字节。请从备份中恢复该文件；没有它将无法读取加密的手机号。</translation>
    </message>
    <message>
        <source>A data key has %1 bytes, not %2.</source>
        <translation>数据密钥应为 %1 字节，而不是 %2 字节。</translation>
    </message>
    <message>
        <source>The crypto library failed to start.</source>
        <translation>加密库初始化失败。</translation>
    </message>
    <message>
        <source>The encrypted field is too short.</source>
        <translation>加密字段过短。</translation>
    </message>
    <message>
        <source>The encrypted field is damaged or belongs to another data key.</source>
        <translation>加密字段已损坏，或属于其他数据密钥。</translation>
    </message>
</context>
<context>
    <name>GateCtl</name>
    <message>
        <source>--%1 must be a number from %2 to %3: %4</source>
        <translation>--%1 必须是 %2 到 %3 之间的数字：%4</translation>
    </message>
    <message>
        <source>cannot read profile %1: %2</source>
        <translation>无法读取配置文件 %1：%2</translation>
    </message>
    <message>
        <source>profile %1: %2 (field &quot;%3&quot;)</source>
        <translation>配置文件 %1：%2（字段 &quot;%3&quot;）</translation>
    </message>
    <message>
        <source>profile %1: gatectl speaks Modbus only, not serial-text</source>
        <translation>配置文件 %1：gatectl 仅支持 Modbus，不支持 serial-text</translation>
    </message>
    <message>
        <source>--map must be turnstile or relay: %1</source>
        <translation>--map 必须是 turnstile 或 relay：%1</translation>
    </message>
    <message>
        <source>--tcp must look like HOST:PORT: %1</source>
        <translation>--tcp 的格式必须为 HOST:PORT：%1</translation>
    </message>
    <message>
        <source>--rs485-rts must be none, up or down: %1</source>
        <translation>--rs485-rts 必须是 none、up 或 down：%1</translation>
    </message>
    <message>
        <source>--parity must be N, E or O: %1</source>
        <translation>--parity 必须是 N、E 或 O：%1</translation>
    </message>
    <message>
        <source>give either --tcp or --rtu, not both</source>
        <translation>--tcp 和 --rtu 只能指定其一，不能同时指定</translation>
    </message>
    <message>
        <source>say where the gate is: --tcp HOST:PORT, --rtu DEVICE or --profile FILE</source>
        <translation>请指定闸机位置：--tcp HOST:PORT、--rtu DEVICE 或 --profile FILE</translation>
    </message>
    <message>
        <source>--from must not be above --to</source>
        <translation>--from 不能大于 --to</translation>
    </message>
    <message>
        <source>Talks to a GymGate gate controller over Modbus, for technicians.</source>
        <translation>通过 Modbus 与 GymGate 闸机控制器通信，供技术员使用。</translation>
    </message>
    <message>
        <source>Modbus TCP gate at HOST:PORT.</source>
        <translation>位于 HOST:PORT 的 Modbus TCP 闸机。</translation>
    </message>
    <message>
        <source>Modbus RTU gate on serial DEVICE.</source>
        <translation>连接在串口 DEVICE 上的 Modbus RTU 闸机。</translation>
    </message>
    <message>
        <source>RTU baud rate (default 9600).</source>
        <translation>RTU 波特率（默认 9600）。</translation>
    </message>
    <message>
        <source>RTU parity: N, E or O (default N).</source>
        <translation>RTU 校验位：N、E 或 O（默认 N）。</translation>
    </message>
    <message>
        <source>RTU data bits: 7 or 8 (default 8).</source>
        <translation>RTU 数据位：7 或 8（默认 8）。</translation>
    </message>
    <message>
        <source>RTU stop bits: 1 or 2 (default 1).</source>
        <translation>RTU 停止位：1 或 2（默认 1）。</translation>
    </message>
    <message>
        <source>RS-485 RTS control: none, up or down.</source>
        <translation>RS-485 RTS 控制：none、up 或 down。</translation>
    </message>
    <message>
        <source>Modbus slave id (default 1).</source>
        <translation>Modbus 从站地址（默认 1）。</translation>
    </message>
    <message>
        <source>Response timeout in ms (default 500).</source>
        <translation>响应超时，单位毫秒（默认 500）。</translation>
    </message>
    <message>
        <source>Gate profile JSON file.</source>
        <translation>闸机配置 JSON 文件。</translation>
    </message>
    <message>
        <source>Register map: turnstile or relay (default turnstile).</source>
        <translation>寄存器映射：turnstile 或 relay（默认 turnstile）。</translation>
    </message>
    <message>
        <source>scan: first slave id (default 1).</source>
        <translation>scan：起始从站地址（默认 1）。</translation>
    </message>
    <message>
        <source>scan: last slave id (default 247).</source>
        <translation>scan：结束从站地址（默认 247）。</translation>
    </message>
    <message>
        <source>read: print values in hexadecimal.</source>
        <translation>read：以十六进制输出数值。</translation>
    </message>
    <message>
        <source>open: number of passes (default 1).</source>
        <translation>open：通行次数（默认 1）。</translation>
    </message>
    <message>
        <source>watch, monitor: stop after N lines.</source>
        <translation>watch、monitor：输出 N 行后停止。</translation>
    </message>
    <message>
        <source>watch, monitor: print only lines that changed.</source>
        <translation>watch、monitor：仅输出有变化的行。</translation>
    </message>
    <message>
        <source>probe | scan | read coils|inputs|holding|input-registers ADDRESS [COUNT] | write coil|holding ADDRESS VALUE | open in|out | watch | monitor | selftest</source>
        <translation>probe | scan | read coils|inputs|holding|input-registers ADDRESS [COUNT] | write coil|holding ADDRESS VALUE | open in|out | watch | monitor | selftest</translation>
    </message>
    <message>
        <source>no command given; try --help</source>
        <translation>未指定命令；请尝试 --help</translation>
    </message>
    <message>
        <source>%1 must be a number from 0 to %2: %3</source>
        <translation>%1 必须是 0 到 %2 之间的数字：%3</translation>
    </message>
    <message>
        <source>unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>probe</translation>
    </message>
    <message>
        <source>OK %1 slave %2 answered in %3 ms</source>
        <translation>OK %1 从站 %2 已应答，用时 %3 ms</translation>
    </message>
    <message>
        <source>scan</source>
        <translation>scan</translation>
    </message>
    <message>
        <source>scanning slave %1 of %2-%3</source>
        <translation>正在扫描从站 %1（范围 %2-%3）</translation>
    </message>
    <message>
        <source>slave %1 answered</source>
        <translation>从站 %1 已应答</translation>
    </message>
    <message numerus="yes">
        <source>%n slave(s) answered</source>
        <translation>
            <numerusform>共 %n 个从站应答</numerusform>
        </translation>
    </message>
    <message>
        <source>usage: read coils|inputs|holding|input-registers ADDRESS [COUNT]</source>
        <translation>用法：read coils|inputs|holding|input-registers ADDRESS [COUNT]</translation>
    </message>
    <message>
        <source>COUNT must be at least 1</source>
        <translation>COUNT 至少为 1</translation>
    </message>
    <message>
        <source>read</source>
        <translation>read</translation>
    </message>
    <message>
        <source>usage: write coil ADDRESS 0|1, or write holding ADDRESS VALUE</source>
        <translation>用法：write coil ADDRESS 0|1，或 write holding ADDRESS VALUE</translation>
    </message>
    <message>
        <source>write</source>
        <translation>write</translation>
    </message>
    <message>
        <source>OK wrote %1 to %2 %3</source>
        <translation>OK 已将 %1 写入 %2 %3</translation>
    </message>
    <message>
        <source>usage: open in|out [--passes N]</source>
        <translation>用法：open in|out [--passes N]</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>open interrupted after %1 passage(s); the gate was closed again</source>
        <translation>open 在通行 %1 次后被中断；闸机已重新关闭</translation>
    </message>
    <message>
        <source>TIMEOUT %1: %2 of %3 passed within %4 ms</source>
        <translation>TIMEOUT %1: %4 ms 内仅通行 %2 次（共需 %3 次）</translation>
    </message>
    <message>
        <source>PASSED %1: %2 passage(s)</source>
        <translation>PASSED %1: 通行 %2 次</translation>
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
            <numerusform>selftest FAIL（%n 个步骤失败）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GateDiagnostics</name>
    <message>
        <source>gate diagnostics need a relay or turnstile-registers profile, not %1</source>
        <translation>闸机诊断需要 relay 或 turnstile-registers 配置，而不是 %1</translation>
    </message>
    <message>
        <source>gate diagnostics need a modbus-tcp or modbus-rtu transport, not %1</source>
        <translation>闸机诊断需要 modbus-tcp 或 modbus-rtu 通信方式，而不是 %1</translation>
    </message>
    <message>
        <source>not connected to %1</source>
        <translation>未连接到 %1</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>slave %1 at %2 did not answer within %3 ms (%4)</source>
        <translation>%2 上的从站 %1 在 %3 ms 内没有应答（%4）</translation>
    </message>
    <message>
        <source>slave %1 at %2 answered with an exception (%3)</source>
        <translation>%2 上的从站 %1 返回异常（%3）</translation>
    </message>
    <message>
        <source>unknown Modbus table</source>
        <translation>未知的 Modbus 数据表</translation>
    </message>
    <message>
        <source>no gate mode given</source>
        <translation>未指定闸机模式</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>read inputs</source>
        <translation>读取输入</translation>
    </message>
    <message>
        <source>fire input inactive</source>
        <translation>火警输入未触发</translation>
    </message>
    <message>
        <source>fire alarm is active</source>
        <translation>消防报警已触发</translation>
    </message>
    <message>
        <source>open entry and passage</source>
        <translation>打开入口并通行</translation>
    </message>
    <message>
        <source>nobody passed within %1 ms</source>
        <translation>%1 ms 内无人通行</translation>
    </message>
    <message>
        <source>entry counter advanced</source>
        <translation>入口计数器已递增</translation>
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
        <translation>Modbus %1 失败：%2</translation>
    </message>
    <message>
        <source>Modbus address %1 (count %2) is out of range</source>
        <translation>Modbus 地址 %1（数量 %2）超出范围</translation>
    </message>
    <message>
        <source>The gate is not connected; the command was not sent.</source>
        <translation>闸机未连接，命令未发送。</translation>
    </message>
    <message>
        <source>Lost the connection to the gate: %1</source>
        <translation>与闸机的连接已断开：%1</translation>
    </message>
    <message>
        <source>The turnstile controller reports error code %1.</source>
        <translation>闸机控制器报告错误码 %1。</translation>
    </message>
    <message>
        <source>Could not send a command to the gate: %1</source>
        <translation>无法向闸机发送命令：%1</translation>
    </message>
    <message>
        <source>The gate reports an error: %1</source>
        <translation>闸机报告错误：%1</translation>
    </message>
    <message>
        <source>The serial link to the gate was lost: no permission to use %1.</source>
        <translation>与闸机的串口连接已断开：没有使用 %1 的权限。</translation>
    </message>
    <message>
        <source>The serial link to the gate was lost: %1 hung up.</source>
        <translation>与闸机的串口连接已断开：%1 已挂断。</translation>
    </message>
    <message>
        <source>The serial link to the gate was lost: %1 was removed or stopped working.</source>
        <translation>与闸机的串口连接已断开：%1 已被拔出或停止工作。</translation>
    </message>
</context>
<context>
    <name>GateProfile</name>
    <message>
        <source>The %1 is missing.</source>
        <translation>缺少%1。</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;; the keys allowed here are: %2.</source>
        <translation>未知的键 &quot;%1&quot;；此处允许的键为：%2。</translation>
    </message>
    <message>
        <source>The %1 must be a whole number; %2 is not.</source>
        <translation>%1必须是整数；%2 不是整数。</translation>
    </message>
    <message>
        <source>%1 is out of range for the %2; use %3 to %4.</source>
        <translation>%1 超出了%2的范围；请使用 %3 到 %4 之间的值。</translation>
    </message>
    <message>
        <source>The %1 must be a text in quotes; %2 is not.</source>
        <translation>%1必须是带引号的文本；%2 不是。</translation>
    </message>
    <message>
        <source>%1 is not a valid %2; use one of %3.</source>
        <translation>%1 不是有效的%2；请使用以下之一：%3。</translation>
    </message>
    <message>
        <source>The %1 must not be empty; %2 was given.</source>
        <translation>%1不能为空；给出的是 %2。</translation>
    </message>
    <message>
        <source>The %1 must be a JSON object; %2 is not.</source>
        <translation>%1必须是 JSON 对象；%2 不是。</translation>
    </message>
    <message>
        <source>baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>Baud rate %1 is not supported; use one of %2.</source>
        <translation>不支持波特率 %1；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主机地址</translation>
    </message>
    <message>
        <source>TCP port</source>
        <translation>TCP 端口</translation>
    </message>
    <message>
        <source>parity</source>
        <translation>校验位</translation>
    </message>
    <message>
        <source>serial device</source>
        <translation>串口设备</translation>
    </message>
    <message>
        <source>number of data bits</source>
        <translation>数据位</translation>
    </message>
    <message>
        <source>number of stop bits</source>
        <translation>停止位</translation>
    </message>
    <message>
        <source>RS-485 RTS mode</source>
        <translation>RS-485 RTS 模式</translation>
    </message>
    <message>
        <source>transport</source>
        <translation>传输方式</translation>
    </message>
    <message>
        <source>transport type</source>
        <translation>传输类型</translation>
    </message>
    <message>
        <source>&quot;modbus-tcp&quot; or &quot;modbus-rtu&quot;</source>
        <translation>&quot;modbus-tcp&quot; 或 &quot;modbus-rtu&quot;</translation>
    </message>
    <message>
        <source>A &quot;%1&quot; gate cannot use a &quot;%2&quot; transport; use %3.</source>
        <translation>&quot;%1&quot; 类型的闸机不能使用 &quot;%2&quot; 传输方式；请使用 %3。</translation>
    </message>
    <message>
        <source>The %1 at %2 %3 overlaps the %4 at %2 %5.</source>
        <translation>%1（%2 %3）与%4（%2 %5）地址重叠。</translation>
    </message>
    <message>
        <source>entry coil</source>
        <translation>入口线圈</translation>
    </message>
    <message>
        <source>exit coil</source>
        <translation>出口线圈</translation>
    </message>
    <message>
        <source>entry passage input</source>
        <translation>入口通行输入</translation>
    </message>
    <message>
        <source>exit passage input</source>
        <translation>出口通行输入</translation>
    </message>
    <message>
        <source>fire alarm input</source>
        <translation>火警输入</translation>
    </message>
    <message>
        <source>tamper input</source>
        <translation>防拆输入</translation>
    </message>
    <message>
        <source>fire contact type</source>
        <translation>火警触点类型</translation>
    </message>
    <message>
        <source>coil</source>
        <translation>线圈</translation>
    </message>
    <message>
        <source>discrete input</source>
        <translation>离散输入</translation>
    </message>
    <message>
        <source>entry permission register</source>
        <translation>入口放行寄存器</translation>
    </message>
    <message>
        <source>exit permission register</source>
        <translation>出口放行寄存器</translation>
    </message>
    <message>
        <source>mode register</source>
        <translation>模式寄存器</translation>
    </message>
    <message>
        <source>pass time register</source>
        <translation>通行时间寄存器</translation>
    </message>
    <message>
        <source>entry counter (two registers)</source>
        <translation>入口计数器（两个寄存器）</translation>
    </message>
    <message>
        <source>exit counter (two registers)</source>
        <translation>出口计数器（两个寄存器）</translation>
    </message>
    <message>
        <source>error code register</source>
        <translation>错误码寄存器</translation>
    </message>
    <message>
        <source>sensor register</source>
        <translation>传感器寄存器</translation>
    </message>
    <message>
        <source>fire bit of the sensor register</source>
        <translation>传感器寄存器的火警位</translation>
    </message>
    <message>
        <source>holding register</source>
        <translation>保持寄存器</translation>
    </message>
    <message>
        <source>input register</source>
        <translation>输入寄存器</translation>
    </message>
    <message>
        <source>The &quot;%1&quot; map is only used by &quot;%2&quot; gates, not by &quot;%3&quot; gates.</source>
        <translation>&quot;%1&quot; 映射仅用于 &quot;%2&quot; 类型的闸机，不用于 &quot;%3&quot; 类型的闸机。</translation>
    </message>
    <message>
        <source>gate profile kind</source>
        <translation>闸机配置类型</translation>
    </message>
    <message>
        <source>Modbus slave ID</source>
        <translation>Modbus 从站地址</translation>
    </message>
    <message>
        <source>poll period in ms</source>
        <translation>轮询周期（毫秒）</translation>
    </message>
    <message>
        <source>response timeout in ms</source>
        <translation>响应超时（毫秒）</translation>
    </message>
    <message>
        <source>open pulse in ms</source>
        <translation>开闸脉冲时长（毫秒）</translation>
    </message>
    <message>
        <source>pass timeout in ms</source>
        <translation>通行超时（毫秒）</translation>
    </message>
    <message>
        <source>relay map</source>
        <translation>继电器映射</translation>
    </message>
    <message>
        <source>register map</source>
        <translation>寄存器映射</translation>
    </message>
    <message>
        <source>The gate profile is not valid JSON: %1 at character %2.</source>
        <translation>闸机配置文件不是有效的 JSON：%1（位于第 %2 个字符）。</translation>
    </message>
    <message>
        <source>The gate profile must be a JSON object in { }.</source>
        <translation>闸机配置文件必须是用 { } 括起的 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>GateSim</name>
    <message>
        <source>cannot listen on TCP port %1: %2</source>
        <translation>无法监听 TCP 端口 %1：%2</translation>
    </message>
    <message>
        <source>cannot create a pseudo terminal</source>
        <translation>无法创建伪终端（pty）</translation>
    </message>
    <message>
        <source>slave ids must be 1..247: %1</source>
        <translation>从站地址必须在 1..247 之间：%1</translation>
    </message>
    <message>
        <source>--slaves needs at least one id</source>
        <translation>--slaves 至少需要一个从站地址</translation>
    </message>
    <message>
        <source>--pass-delay-ms must look like 200-800: %1</source>
        <translation>--pass-delay-ms 的格式应为 200-800：%1</translation>
    </message>
    <message>
        <source>--%1 must be a port number</source>
        <translation>--%1 必须是端口号</translation>
    </message>
    <message>
        <source>--map must be turnstile or relay: %1</source>
        <translation>--map 必须是 turnstile 或 relay：%1</translation>
    </message>
    <message>
        <source>--pass-probability must be between 0 and 1</source>
        <translation>--pass-probability 必须在 0 到 1 之间</translation>
    </message>
    <message>
        <source>--seed must be a number</source>
        <translation>--seed 必须是数字</translation>
    </message>
    <message>
        <source>Simulates turnstile controllers for the GymGate gate drivers.</source>
        <translation>为 GymGate 闸机驱动模拟闸机控制器。</translation>
    </message>
    <message>
        <source>Serve Modbus TCP on port &lt;n&gt; (0 = a free port).</source>
        <translation>在端口 &lt;n&gt; 上提供 Modbus TCP 服务（0 = 任选空闲端口）。</translation>
    </message>
    <message>
        <source>Serve Modbus RTU on a new pseudo terminal.</source>
        <translation>在新建的伪终端上提供 Modbus RTU 服务。</translation>
    </message>
    <message>
        <source>Speak the serial text protocol on a new pseudo terminal.</source>
        <translation>在新建的伪终端上使用串口文本协议。</translation>
    </message>
    <message>
        <source>Modbus map: turnstile or relay.</source>
        <translation>Modbus 映射：turnstile 或 relay。</translation>
    </message>
    <message>
        <source>Simulated gates (Modbus unit ids), e.g. 1,2,3.</source>
        <translation>模拟的闸机（Modbus 从站地址），例如 1,2,3。</translation>
    </message>
    <message>
        <source>Chance that a person passes (0..1).</source>
        <translation>有人通行的概率（0..1）。</translation>
    </message>
    <message>
        <source>Random delay before a person passes, A-B ms.</source>
        <translation>有人通行前的随机延迟，A-B 毫秒。</translation>
    </message>
    <message>
        <source>Random seed.</source>
        <translation>随机种子。</translation>
    </message>
    <message>
        <source>Accept control lines on TCP port &lt;n&gt; (0 = a free port).</source>
        <translation>在 TCP 端口 &lt;n&gt; 上接收控制命令（0 = 任选空闲端口）。</translation>
    </message>
    <message>
        <source>Do not log events.</source>
        <translation>不记录事件。</translation>
    </message>
    <message>
        <source>cannot listen on control port %1</source>
        <translation>无法在控制端口 %1 上监听</translation>
    </message>
    <message>
        <source>--link-dir must be an existing directory: %1</source>
        <translation>--link-dir 必须是已存在的目录：%1</translation>
    </message>
    <message>
        <source>Also name the ptys &lt;dir&gt;/rtu and &lt;dir&gt;/text; the names survive a dropped connection.</source>
        <translation>同时将伪终端命名为 &lt;dir&gt;/rtu 和 &lt;dir&gt;/text；连接断开后名称保持不变。</translation>
    </message>
    <message>
        <source>cannot create the device links in %1: %2</source>
        <translation>无法在 %1 中创建设备链接：%2</translation>
    </message>
</context>
<context>
    <name>GateSupervisor</name>
    <message>
        <source>The fire alarm is still active. The emergency can only be reset once it has cleared.</source>
        <translation>消防报警仍在触发中。报警解除后才能复位紧急状态。</translation>
    </message>
    <message numerus="yes">
        <source>Gate %1 is out of order after %n faults in a row. Check it, then clear it.</source>
        <translation>
            <numerusform>闸机 %1 连续故障 %n 次，已停止服务。请检查后再解除。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no gate %1.</source>
        <translation>不存在闸机 %1。</translation>
    </message>
</context>
<context>
    <name>GateWiring</name>
    <message>
        <source>Gate %1 is not used: %2</source>
        <translation>闸机 %1 未启用：%2</translation>
    </message>
    <message>
        <source>No gate could be set up: %1</source>
        <translation>没有任何闸机可以启用：%1</translation>
    </message>
    <message>
        <source>%1 (out)</source>
        <translation>%1（出）</translation>
    </message>
    <message>
        <source>%1 (in)</source>
        <translation>%1（进）</translation>
    </message>
</context>
<context>
    <name>GatesPage</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>GymGateHub</name>
    <message>
        <source>Cannot install the signal handlers.</source>
        <translation>无法安装信号处理程序。</translation>
    </message>
</context>
<context>
    <name>HeadlessEntryController</name>
    <message numerus="yes">
        <source>%n visit(s) left</source>
        <translation>
            <numerusform>剩余 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>balance %1 yuan</source>
        <translation>余额 %1 元</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>DENIED</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>GRANTED</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>OPEN</source>
        <translation>已开闸</translation>
    </message>
    <message>
        <source>PASSED</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>NOT PASSED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>GATE FAULT</source>
        <translation>闸机故障</translation>
    </message>
    <message>
        <source>BUSY</source>
        <translation>忙</translation>
    </message>
    <message>
        <source>EMERGENCY: fire alarm, every gate is free.</source>
        <translation>紧急状态：消防报警，所有闸机已放开。</translation>
    </message>
    <message>
        <source>Emergency over: the gates are back to normal.</source>
        <translation>紧急状态解除：闸机恢复正常。</translation>
    </message>
    <message>
        <source>Gate %1 is now %2.</source>
        <translation>闸机 %1 当前状态：%2。</translation>
    </message>
    <message>
        <source>No gate &quot;%1&quot; here.</source>
        <translation>此处没有闸机“%1”。</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>HubAuth</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The token is missing, invalid, expired or revoked.</source>
        <translation>令牌缺失、无效、已过期或已被撤销。</translation>
    </message>
    <message>
        <source>Too many login attempts; wait a minute and try again.</source>
        <translation>登录尝试次数过多，请等待一分钟后再试。</translation>
    </message>
    <message>
        <source>Too many failed logins; the account is locked until %1 UTC.</source>
        <translation>登录失败次数过多，账号已锁定至 %1（UTC）。</translation>
    </message>
    <message>
        <source>The username is empty.</source>
        <translation>用户名为空。</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>The user %1 already exists.</source>
        <translation>用户 %1 已存在。</translation>
    </message>
</context>
<context>
    <name>HubClient</name>
    <message>
        <source>The hub&apos;s answer could not be read.</source>
        <translation>无法读取中心服务器的应答。</translation>
    </message>
    <message>
        <source>The hub answered with HTTP status %1.</source>
        <translation>中心服务器返回 HTTP 状态 %1。</translation>
    </message>
    <message>
        <source>The hub answered with HTTP status %1: %2</source>
        <translation>中心服务器返回 HTTP 状态 %1：%2</translation>
    </message>
    <message>
        <source>The hub refused this desk&apos;s token.</source>
        <translation>中心服务器拒绝了本前台的令牌。</translation>
    </message>
    <message>
        <source>The hub refused the request (HTTP status %1).</source>
        <translation>中心服务器拒绝了请求（HTTP 状态 %1）。</translation>
    </message>
    <message>
        <source>The server at this address is not a GymGate hub (HTTP status %1).</source>
        <translation>此地址上的服务器不是 GymGate 中心服务器（HTTP 状态 %1）。</translation>
    </message>
    <message>
        <source>The hub did not answer within %1 seconds.</source>
        <translation>中心服务器在 %1 秒内没有应答。</translation>
    </message>
    <message>
        <source>Cannot reach the hub: %1</source>
        <translation>无法连接中心服务器：%1</translation>
    </message>
    <message>
        <source>The connection to the hub broke off (HTTP status %1): %2</source>
        <translation>与中心服务器的连接中断（HTTP 状态 %1）：%2</translation>
    </message>
</context>
<context>
    <name>HubCredentials</name>
    <message>
        <source>The hub credentials file %1 has no valid &quot;%2&quot;.</source>
        <translation>中心服务器凭据文件 %1 中没有有效的“%2”。</translation>
    </message>
    <message>
        <source>Cannot read the hub credentials file %1: %2</source>
        <translation>无法读取中心服务器凭据文件 %1：%2</translation>
    </message>
    <message>
        <source>The hub credentials file %1 is not a JSON object.</source>
        <translation>中心服务器凭据文件 %1 不是 JSON 对象。</translation>
    </message>
    <message>
        <source>Cannot remove the hub credentials file %1: %2</source>
        <translation>无法删除中心服务器凭据文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>HubDatabase</name>
    <message>
        <source>--db is empty.</source>
        <translation>--db 为空。</translation>
    </message>
    <message>
        <source>--db must look like postgresql://user@host:port/dbname: %1</source>
        <translation>--db 的格式应为 postgresql://user@host:port/dbname：%1</translation>
    </message>
    <message>
        <source>The Qt PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql).</source>
        <translation>未安装 Qt PostgreSQL 驱动（QPSQL）（Debian：libqt6sql6-psql）。</translation>
    </message>
    <message>
        <source>Cannot open the hub database: %1</source>
        <translation>无法打开中心数据库：%1</translation>
    </message>
    <message>
        <source>Cannot configure the hub database (%1): %2</source>
        <translation>无法配置中心数据库（%1）：%2</translation>
    </message>
    <message>
        <source>Cannot read the schema version: %1</source>
        <translation>无法读取数据库结构版本：%1</translation>
    </message>
    <message>
        <source>The hub database has schema version %1, newer than this gymgate-hub knows (%2). Use a newer gymgate-hub.</source>
        <translation>中心数据库的结构版本为 %1，高于此 gymgate-hub 支持的版本（%2）。请使用更新的 gymgate-hub。</translation>
    </message>
    <message>
        <source>Cannot read the migration %1.</source>
        <translation>无法读取迁移脚本 %1。</translation>
    </message>
    <message>
        <source>Cannot start migration %1: %2</source>
        <translation>无法开始迁移 %1：%2</translation>
    </message>
    <message>
        <source>Migration %1 failed: %2</source>
        <translation>迁移 %1 失败：%2</translation>
    </message>
    <message>
        <source>Cannot begin a transaction: %1</source>
        <translation>无法开始事务：%1</translation>
    </message>
    <message>
        <source>Cannot commit: %1</source>
        <translation>无法提交：%1</translation>
    </message>
    <message>
        <source>The change-log lock was asked for outside a transaction.</source>
        <translation>在事务之外请求了变更日志锁。</translation>
    </message>
</context>
<context>
    <name>HubKeys</name>
    <message>
        <source>The hub has no current signing key.</source>
        <translation>中心没有当前签名密钥。</translation>
    </message>
    <message>
        <source>Another hub instance changed the signing key at the same time.</source>
        <translation>另一个中心实例同时更改了签名密钥。</translation>
    </message>
    <message>
        <source>No trusted key %1.</source>
        <translation>不存在受信任的密钥 %1。</translation>
    </message>
    <message>
        <source>The key %1 is revoked already.</source>
        <translation>密钥 %1 已被撤销。</translation>
    </message>
    <message>
        <source>The key id %1 is taken already.</source>
        <translation>密钥 ID %1 已被占用。</translation>
    </message>
</context>
<context>
    <name>HubOptions</name>
    <message>
        <source>GymGate hub: the central REST service that sites sync with.</source>
        <translation>GymGate 中心：各门店与之同步的中心 REST 服务。</translation>
    </message>
    <message>
        <source>Listen on address &lt;ip&gt; (default 127.0.0.1).</source>
        <translation>在地址 &lt;ip&gt; 上监听（默认 127.0.0.1）。</translation>
    </message>
    <message>
        <source>Listen on port &lt;n&gt; (0 = a free port; default 8080).</source>
        <translation>在端口 &lt;n&gt; 上监听（0 = 任选空闲端口；默认 8080）。</translation>
    </message>
    <message>
        <source>Database: an SQLite file path or postgresql://user@host:port/dbname.</source>
        <translation>数据库：SQLite 文件路径或 postgresql://user@host:port/dbname。</translation>
    </message>
    <message>
        <source>Read options from the JSON file &lt;file&gt;; the command line wins.</source>
        <translation>从 JSON 文件 &lt;file&gt; 读取选项；命令行优先。</translation>
    </message>
    <message>
        <source>Refuse request bodies larger than &lt;n&gt; bytes (default 1048576).</source>
        <translation>拒绝大于 &lt;n&gt; 字节的请求体（默认 1048576）。</translation>
    </message>
    <message>
        <source>Serve HTTPS with the PEM certificate &lt;file&gt; (needs --tls-key).</source>
        <translation>使用 PEM 证书 &lt;file&gt; 提供 HTTPS 服务（需要 --tls-key）。</translation>
    </message>
    <message>
        <source>The PEM private key of --tls-cert.</source>
        <translation>--tls-cert 对应的 PEM 私钥。</translation>
    </message>
    <message>
        <source>Also write the log to &lt;dir&gt;/gymgate-hub.log.</source>
        <translation>同时将日志写入 &lt;dir&gt;/gymgate-hub.log。</translation>
    </message>
    <message>
        <source>Print the route table as JSON and exit.</source>
        <translation>以 JSON 格式输出路由表后退出。</translation>
    </message>
    <message>
        <source>Cannot read the config file %1: %2</source>
        <translation>无法读取配置文件 %1：%2</translation>
    </message>
    <message>
        <source>The config file %1 is not a JSON object: %2</source>
        <translation>配置文件 %1 不是 JSON 对象：%2</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot; in the config file %2.</source>
        <translation>配置文件 %2 中有未知的键“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the config file must be a string or a number.</source>
        <translation>配置文件中的“%1”必须是字符串或数字。</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3: %4</source>
        <translation>--%1 必须是 %2 到 %3 之间的整数：%4</translation>
    </message>
    <message>
        <source>--listen must be an IP address: %1</source>
        <translation>--listen 必须是 IP 地址：%1</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key must be given together.</source>
        <translation>--tls-cert 和 --tls-key 必须同时给出。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>Add the admin user &lt;name&gt; with the password read from stdin, then exit.</source>
        <translation>添加管理员用户 &lt;name&gt;（密码从标准输入读取），然后退出。</translation>
    </message>
    <message>
        <source>Retire the JWT signing key and make a new one, then exit; issued tokens stay valid.</source>
        <translation>停用当前 JWT 签名密钥并生成新密钥，然后退出；已签发的令牌仍然有效。</translation>
    </message>
    <message>
        <source>Append member sign-in codes as JSON lines to &lt;file&gt; (the SMS gateway&apos;s input).</source>
        <translation>将会员登录验证码以 JSON 行追加写入 &lt;file&gt;（供短信网关读取）。</translation>
    </message>
</context>
<context>
    <name>HubResponse</name>
    <message>
        <source>Internal error; see the hub log.</source>
        <translation>内部错误，请查看中心日志。</translation>
    </message>
</context>
<context>
    <name>HubRouter</name>
    <message>
        <source>No such endpoint: %1</source>
        <translation>不存在此接口：%1</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is missing.</source>
        <translation>缺少字段“%1”。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be a non-empty string.</source>
        <translation>字段“%1”必须是非空字符串。</translation>
    </message>
    <message>
        <source>The request body has %1 bytes; the limit is %2.</source>
        <translation>请求体有 %1 字节，上限为 %2。</translation>
    </message>
    <message>
        <source>The body is not valid JSON (%1 at offset %2).</source>
        <translation>请求体不是有效的 JSON（偏移 %2 处：%1）。</translation>
    </message>
    <message>
        <source>%1 is not allowed on %2.</source>
        <translation>%2 不允许使用 %1 方法。</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>请求体必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not accepted here.</source>
        <translation>此处不接受字段“%1”。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is longer than %2 characters.</source>
        <translation>字段“%1”超过 %2 个字符。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be a string.</source>
        <translation>字段“%1”必须是字符串。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be a whole number.</source>
        <translation>字段“%1”必须是整数。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be between %2 and %3.</source>
        <translation>字段“%1”必须在 %2 到 %3 之间。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be true or false.</source>
        <translation>字段“%1”必须是 true 或 false。</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must be a whole number.</source>
        <translation>参数“%1”必须是整数。</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must be between %2 and %3.</source>
        <translation>参数“%1”必须在 %2 到 %3 之间。</translation>
    </message>
    <message>
        <source>Authentication is not set up.</source>
        <translation>未配置身份验证。</translation>
    </message>
    <message>
        <source>The role %1 may not use %2 %3.</source>
        <translation>角色 %1 无权使用 %2 %3。</translation>
    </message>
</context>
<context>
    <name>HubServer</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The hub has no database.</source>
        <translation>中心没有数据库。</translation>
    </message>
    <message>
        <source>The hub database does not answer.</source>
        <translation>中心数据库没有响应。</translation>
    </message>
    <message>
        <source>TLS was asked for but this Qt has no working TLS backend.</source>
        <translation>要求使用 TLS，但此 Qt 没有可用的 TLS 后端。</translation>
    </message>
    <message>
        <source>%1 is not a PEM certificate.</source>
        <translation>%1 不是 PEM 证书。</translation>
    </message>
    <message>
        <source>%1 is not an unencrypted PEM RSA or EC private key.</source>
        <translation>%1 不是未加密的 PEM RSA 或 EC 私钥。</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2.</source>
        <translation>无法在 %1 的端口 %2 上监听。</translation>
    </message>
    <message>
        <source>The hub is shutting down.</source>
        <translation>中心正在关闭。</translation>
    </message>
    <message>
        <source>No such endpoint: %1</source>
        <translation>不存在此接口：%1</translation>
    </message>
</context>
<context>
    <name>KeyFile</name>
    <message>
        <source>Cannot read the key file %1: %2</source>
        <translation>无法读取密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>The key file %1 is damaged.</source>
        <translation>密钥文件 %1 已损坏。</translation>
    </message>
    <message>
        <source>Cannot create the folder for the key file %1.</source>
        <translation>无法为密钥文件 %1 创建文件夹。</translation>
    </message>
    <message>
        <source>Cannot create the key file %1: %2</source>
        <translation>无法创建密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the key file %1: %2</source>
        <translation>无法写入密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the file %1: %2</source>
        <translation>无法写入文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>KioskShots</name>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Saves a PNG of every kiosk screen with sample data.</source>
        <translation>用示例数据为每个自助闸机界面保存一张 PNG 截图。</translation>
    </message>
    <message>
        <source>Directory for the PNG files.</source>
        <translation>PNG 文件的目录。</translation>
    </message>
    <message>
        <source>Window size, WIDTHxHEIGHT.</source>
        <translation>窗口大小，宽x高。</translation>
    </message>
    <message>
        <source>Site language (zh_CN or en).</source>
        <translation>场馆语言（zh_CN 或 en）。</translation>
    </message>
    <message>
        <source>Bad --size or --lang.</source>
        <translation>--size 或 --lang 参数有误。</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>The gate did not answer the open command.</source>
        <translation>闸机没有响应开门指令。</translation>
    </message>
</context>
<context>
    <name>Logging</name>
    <message>
        <source>Cannot create the log folder %1.</source>
        <translation>无法创建日志目录 %1。</translation>
    </message>
    <message>
        <source>Cannot open the log file %1: %2</source>
        <translation>无法打开日志文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>MemberCardPdf</name>
    <message>
        <source>Member card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Show this code at the gate.</source>
        <translation>入场时请在闸机处出示此码。</translation>
    </message>
    <message>
        <source>The member card could not be saved to %1: %2</source>
        <translation>无法将会员卡保存到 %1：%2</translation>
    </message>
    <message>
        <source>Member card %1</source>
        <translation>会员卡 %1</translation>
    </message>
    <message>
        <source>The member card PDF could not be started.</source>
        <translation>无法开始生成会员卡 PDF。</translation>
    </message>
</context>
<context>
    <name>MemberDirectory</name>
    <message>
        <source>Please enter the member&apos;s name.</source>
        <translation>请输入会员姓名。</translation>
    </message>
    <message>
        <source>The name is too long (at most %1 characters).</source>
        <translation>姓名过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>The name contains control characters.</source>
        <translation>姓名包含控制字符。</translation>
    </message>
    <message>
        <source>Please enter an 11-digit mainland China mobile number, e.g. 13800138000.</source>
        <translation>请输入 11 位中国大陆手机号，例如 13800138000。</translation>
    </message>
    <message>
        <source>Please choose a gender.</source>
        <translation>请选择性别。</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation>生日不能是未来的日期。</translation>
    </message>
    <message>
        <source>The birthday must be after 1 January 1900.</source>
        <translation>生日必须晚于 1900 年 1 月 1 日。</translation>
    </message>
    <message>
        <source>The preferred language must be Chinese or English.</source>
        <translation>首选语言必须为中文或英文。</translation>
    </message>
    <message>
        <source>The photo is too large (at most %1 MB).</source>
        <translation>照片过大（最大 %1 MB）。</translation>
    </message>
    <message>
        <source>This phone number belongs to the closed membership %1.</source>
        <translation>此手机号属于已注销的会员 %1。</translation>
    </message>
    <message>
        <source>This phone number is already registered to member %1 (%2).</source>
        <translation>此手机号已登记在会员 %1（%2）名下。</translation>
    </message>
    <message>
        <source>No such member.</source>
        <translation>该会员不存在。</translation>
    </message>
    <message>
        <source>The member numbers of this site are used up.</source>
        <translation>本门店的会员号已用完。</translation>
    </message>
    <message>
        <source>The reason is too long (at most %1 characters).</source>
        <translation>原因过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>Member %1 is already blocked.</source>
        <translation>会员 %1 已被禁用。</translation>
    </message>
    <message>
        <source>Member %1 is not blocked.</source>
        <translation>会员 %1 未被禁用。</translation>
    </message>
    <message>
        <source>This desk&apos;s signing key %1 was revoked: no member codes can be issued here.</source>
        <translation>本前台的签名密钥 %1 已被撤销：无法在此签发会员码。</translation>
    </message>
    <message>
        <source>This desk&apos;s signing key does not match the trusted key %1: the gates would refuse its codes.</source>
        <translation>本前台的签名密钥与受信任的密钥 %1 不匹配：闸机将拒绝其签发的会员码。</translation>
    </message>
    <message>
        <source>Member %1 is blocked: unblock the member before issuing a code.</source>
        <translation>会员 %1 已被禁用：请先解除禁用再签发会员码。</translation>
    </message>
    <message>
        <source>Member %1 has no QR code yet: issue one first.</source>
        <translation>会员 %1 还没有二维码：请先签发。</translation>
    </message>
</context>
<context>
    <name>MemberModule</name>
    <message>
        <source>This hub cannot send text messages; sign in at the front desk.</source>
        <translation>本中心无法发送短信，请到前台登录。</translation>
    </message>
    <message>
        <source>This membership is blocked; please see the front desk.</source>
        <translation>该会员已被禁用，请到前台咨询。</translation>
    </message>
    <message>
        <source>Only front-desk staff may register a member without an SMS code.</source>
        <translation>只有前台员工可以不用短信验证码登记会员。</translation>
    </message>
    <message>
        <source>The field &quot;storeId&quot; names no known store.</source>
        <translation>字段“storeId”未指向任何已知门店。</translation>
    </message>
    <message>
        <source>A member may only see and change their own record.</source>
        <translation>会员只能查看和修改自己的资料。</translation>
    </message>
    <message>
        <source>Too many codes were asked for from this address; wait a few minutes.</source>
        <translation>此地址请求验证码的次数过多，请等待几分钟。</translation>
    </message>
    <message>
        <source>A code was sent to this phone less than a minute ago.</source>
        <translation>不到一分钟前已向此手机发送过验证码。</translation>
    </message>
    <message>
        <source>Too many codes were sent to this phone; try again in an hour.</source>
        <translation>向此手机发送的验证码过多，请一小时后再试。</translation>
    </message>
    <message>
        <source>The SMS code is wrong or has expired; ask for a new one.</source>
        <translation>短信验证码错误或已过期，请重新获取。</translation>
    </message>
    <message>
        <source>The field &quot;smsCode&quot; must be 6 digits.</source>
        <translation>字段“smsCode”必须是 6 位数字。</translation>
    </message>
    <message>
        <source>The SMS code was used already; ask for a new one.</source>
        <translation>短信验证码已被使用，请重新获取。</translation>
    </message>
    <message>
        <source>No member has this phone number; register first.</source>
        <translation>没有会员使用此手机号，请先注册。</translation>
    </message>
    <message>
        <source>A member with this phone number exists already.</source>
        <translation>已存在使用此手机号的会员。</translation>
    </message>
    <message>
        <source>The venue %1 does not exist.</source>
        <translation>场馆 %1 不存在。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be an array of ids.</source>
        <translation>字段“%1”必须是 ID 数组。</translation>
    </message>
    <message>
        <source>The field &quot;timeWindows&quot; must be an array of windows.</source>
        <translation>字段“timeWindows”必须是时间段数组。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be a number of yuan from 0 to 1000000 with at most two decimals.</source>
        <translation>字段“%1”必须是 0 到 1000000 之间的金额（元），最多两位小数。</translation>
    </message>
    <message>
        <source>A time card needs &quot;validDays&quot; of at least 1.</source>
        <translation>期限卡的“validDays”至少为 1。</translation>
    </message>
    <message>
        <source>A count card needs &quot;count&quot; of at least 1.</source>
        <translation>次卡的“count”至少为 1。</translation>
    </message>
    <message>
        <source>A value card needs an &quot;amount&quot; above 0.</source>
        <translation>储值卡的“amount”必须大于 0。</translation>
    </message>
    <message>
        <source>The field &quot;paymentMethod&quot; must be cash, bank_card, wechat or alipay.</source>
        <translation>字段“paymentMethod”必须是 cash、bank_card、wechat 或 alipay。</translation>
    </message>
    <message>
        <source>The field &quot;productId&quot; names no card product on sale.</source>
        <translation>字段“productId”未指向任何在售的会员卡产品。</translation>
    </message>
    <message>
        <source>The field &quot;cardType&quot; does not match the kind of the product.</source>
        <translation>字段“cardType”与产品类型不符。</translation>
    </message>
    <message>
        <source>A value card needs a &quot;perVisitPrice&quot; above 0 and not above its amount.</source>
        <translation>储值卡的“perVisitPrice”必须大于 0 且不超过储值金额。</translation>
    </message>
    <message>
        <source>Only admins may list products that are no longer sold.</source>
        <translation>只有管理员可以列出已停售的产品。</translation>
    </message>
    <message>
        <source>No such card product.</source>
        <translation>该会员卡产品不存在。</translation>
    </message>
    <message>
        <source>No such member.</source>
        <translation>该会员不存在。</translation>
    </message>
    <message>
        <source>The member is blocked; unblock them before selling a card.</source>
        <translation>该会员已被禁用；请先解除禁用再售卡。</translation>
    </message>
    <message>
        <source>The field &quot;venueId&quot; names no known venue.</source>
        <translation>字段“venueId”未指向任何已知场馆。</translation>
    </message>
    <message>
        <source>The field &quot;birthday&quot; must be a date like 1990-01-31.</source>
        <translation>字段“birthday”必须是日期，例如 1990-01-31。</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation>生日不能是未来的日期。</translation>
    </message>
    <message>
        <source>The birthday cannot be before 1900.</source>
        <translation>生日不能早于 1900 年。</translation>
    </message>
    <message>
        <source>The field &quot;weight&quot; must be a number of kilograms from 20 to 300 with at most two decimals.</source>
        <translation>字段“weight”必须是 20 到 300 之间的公斤数，最多两位小数。</translation>
    </message>
    <message>
        <source>The field &quot;preferredLanguage&quot; must be zh_CN or en.</source>
        <translation>字段“preferredLanguage”必须是 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>The field &quot;phone&quot; must be a mainland China mobile number (11 digits, 13x-19x).</source>
        <translation>字段“phone”必须是中国大陆手机号（11 位，13x-19x）。</translation>
    </message>
    <message>
        <source>The parameter &quot;phone&quot; must be a mainland China mobile number.</source>
        <translation>参数“phone”必须是中国大陆手机号。</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; is longer than 64 characters.</source>
        <translation>参数“%1”超过 64 个字符。</translation>
    </message>
    <message>
        <source>Give at least one of the fields %1.</source>
        <translation>请至少提供以下字段之一：%1。</translation>
    </message>
    <message>
        <source>No %1 numbers are left for this hub.</source>
        <translation>本中心已无可用的 %1 编号。</translation>
    </message>
</context>
<context>
    <name>ModbusFrameTap</name>
    <message>
        <source>cannot capture Modbus frames from stdout: %1</source>
        <translation>无法从 stdout 捕获 Modbus 报文帧：%1</translation>
    </message>
</context>
<context>
    <name>NotificationSocket</name>
    <message>
        <source>%1 is a WebSocket endpoint: send a WebSocket upgrade request.</source>
        <translation>%1 是 WebSocket 接口：请发送 WebSocket 升级请求。</translation>
    </message>
    <message>
        <source>The hub has no database.</source>
        <translation>中心没有数据库。</translation>
    </message>
    <message>
        <source>The hub is shutting down.</source>
        <translation>中心正在关闭。</translation>
    </message>
    <message>
        <source>No such WebSocket endpoint: %1</source>
        <translation>不存在此 WebSocket 接口：%1</translation>
    </message>
    <message>
        <source>The hub database does not answer.</source>
        <translation>中心数据库没有响应。</translation>
    </message>
    <message>
        <source>Messages are JSON text frames.</source>
        <translation>消息必须是 JSON 文本帧。</translation>
    </message>
    <message>
        <source>A message must be a JSON object.</source>
        <translation>消息必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>Unknown message type &quot;%1&quot;; expected &quot;resume&quot; or &quot;ping&quot;.</source>
        <translation>未知的消息类型“%1”；应为“resume”或“ping”。</translation>
    </message>
    <message>
        <source>notificationSeq must be a whole number of 0 or more.</source>
        <translation>notificationSeq 必须是大于或等于 0 的整数。</translation>
    </message>
    <message>
        <source>The notifications cannot be read now.</source>
        <translation>当前无法读取通知。</translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <source>The cryptography library could not be started.</source>
        <translation>加密库无法启动。</translation>
    </message>
    <message>
        <source>The password must not be empty.</source>
        <translation>密码不能为空。</translation>
    </message>
    <message>
        <source>Not enough memory to hash the password.</source>
        <translation>内存不足，无法计算密码哈希。</translation>
    </message>
</context>
<context>
    <name>QrDecoder</name>
    <message>
        <source>Cannot read the image file %1: %2</source>
        <translation>无法读取图片文件 %1：%2</translation>
    </message>
    <message>
        <source>No QR code found in %1.</source>
        <translation>在 %1 中未找到二维码。</translation>
    </message>
</context>
<context>
    <name>QrEncoder</name>
    <message>
        <source>There is no text to put in the QR code.</source>
        <translation>没有可放入二维码的文本。</translation>
    </message>
    <message>
        <source>The QR module size must be 1 to %1 pixels.</source>
        <translation>二维码模块大小必须为 1 到 %1 像素。</translation>
    </message>
    <message>
        <source>The QR quiet zone must be 0 to %1 modules.</source>
        <translation>二维码静区必须为 0 到 %1 个模块。</translation>
    </message>
    <message numerus="yes">
        <source>The text is too long for a QR code (%n characters).</source>
        <translation>
            <numerusform>文本过长，无法放入二维码（%n 个字符）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptPdf</name>
    <message>
        <source>Receipt no.: %1</source>
        <translation>收据号：%1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>日期：%1</translation>
    </message>
    <message>
        <source>Member: %1 (%2)</source>
        <translation>会员：%1（%2）</translation>
    </message>
    <message>
        <source>Card: %1, %2</source>
        <translation>会员卡：%1，%2</translation>
    </message>
    <message>
        <source>%1: %2 yuan</source>
        <translation>%1：%2 元</translation>
    </message>
    <message>
        <source>Total: %1 yuan</source>
        <translation>合计：%1 元</translation>
    </message>
    <message>
        <source>Paid by: %1</source>
        <translation>支付方式：%1</translation>
    </message>
    <message>
        <source>Visits left: %1</source>
        <translation>剩余次数：%1</translation>
    </message>
    <message>
        <source>Balance: %1 yuan</source>
        <translation>余额：%1 元</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Served by: %1</source>
        <translation>经办人：%1</translation>
    </message>
    <message>
        <source>The receipt could not be saved to %1: %2</source>
        <translation>无法将收据保存到 %1：%2</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>收据 %1</translation>
    </message>
    <message>
        <source>The receipt PDF could not be started.</source>
        <translation>无法开始生成收据 PDF。</translation>
    </message>
    <message>
        <source>Refund receipt</source>
        <translation>退款收据</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Entries</source>
        <translation>入场</translation>
    </message>
    <message>
        <source>Denials by reason</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Peak hours</source>
        <translation>高峰时段</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Hour of day</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Card kind</source>
        <translation>卡类型</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>卡产品</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Choose what the report counts.</source>
        <translation>请选择报表的统计内容。</translation>
    </message>
    <message>
        <source>Choose how the report groups its rows.</source>
        <translation>请选择报表的分组方式。</translation>
    </message>
    <message>
        <source>The report &quot;%1&quot; cannot be grouped by &quot;%2&quot;.</source>
        <translation>报表“%1”不能按“%2”分组。</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Unique members</source>
        <translation>到访会员数</translation>
    </message>
    <message>
        <source>Denials</source>
        <translation>拒绝次数</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已出席</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>Rejected by the hub</source>
        <translation>被中心拒绝</translation>
    </message>
    <message>
        <source>Class places</source>
        <translation>课程名额</translation>
    </message>
    <message>
        <source>Places taken</source>
        <translation>已占名额</translation>
    </message>
    <message>
        <source>Fill rate</source>
        <translation>满员率</translation>
    </message>
    <message>
        <source>Net revenue</source>
        <translation>净营收</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>活跃会员</translation>
    </message>
    <message>
        <source>Members whose card ends</source>
        <translation>会员卡到期会员</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>日均</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <source>%1 (yuan)</source>
        <translation>%1（元）</translation>
    </message>
    <message>
        <source>Check-ins by weekday</source>
        <translation>按星期的签到</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>报表无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Generated %1</source>
        <translation>生成于 %1</translation>
    </message>
    <message>
        <source>Generated %1 by %2</source>
        <translation>由 %2 生成于 %1</translation>
    </message>
    <message>
        <source>The report PDF could not be started.</source>
        <translation>无法开始生成报表 PDF。</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1（按%2）</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2（%3）</translation>
    </message>
</context>
<context>
    <name>ReportPeriod</name>
    <message>
        <source>The first day of the period is not a valid date.</source>
        <translation>报表期间的第一天不是有效日期。</translation>
    </message>
    <message>
        <source>The last day of the period is not a valid date.</source>
        <translation>报表期间的最后一天不是有效日期。</translation>
    </message>
    <message>
        <source>The last day must not be before the first day.</source>
        <translation>最后一天不能早于第一天。</translation>
    </message>
    <message>
        <source>The period is longer than %1 days.</source>
        <translation>报表期间超过 %1 天。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation>未来 30 天</translation>
    </message>
</context>
<context>
    <name>ReservationModule</name>
    <message>
        <source>%1 Conflicting booking: %2.</source>
        <translation>%1冲突的预约：%2。</translation>
    </message>
    <message>
        <source>%1 You can join the waiting list.</source>
        <translation>%1您可以加入候补名单。</translation>
    </message>
    <message>
        <source>A member can only book for themselves.</source>
        <translation>会员只能为自己预约。</translation>
    </message>
    <message>
        <source>The reservation %1 does not exist.</source>
        <translation>预约 %1 不存在。</translation>
    </message>
    <message>
        <source>The parameter &quot;status&quot; must be booked, cancelled, attended, no_show or rejected.</source>
        <translation>参数“status”必须是 booked、cancelled、attended、no_show 或 rejected。</translation>
    </message>
    <message>
        <source>The class %1 does not exist.</source>
        <translation>课时 %1 不存在。</translation>
    </message>
    <message>
        <source>The class %1 is not held in the venue %2.</source>
        <translation>课时 %1 不在场馆 %2 进行。</translation>
    </message>
    <message>
        <source>The booking must end after it starts.</source>
        <translation>预约的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>A venue booking lasts at most one day.</source>
        <translation>场馆预约最长为一天。</translation>
    </message>
    <message>
        <source>The member %1 does not exist.</source>
        <translation>会员 %1 不存在。</translation>
    </message>
    <message>
        <source>Give either a class (slotId) or a time range (startAt, endAt), not both.</source>
        <translation>请提供课时（slotId）或时间段（startAt、endAt）之一，不能同时提供。</translation>
    </message>
    <message>
        <source>The field &quot;action&quot; must be cancel or move.</source>
        <translation>字段“action”必须是 cancel 或 move。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not accepted when cancelling.</source>
        <translation>取消时不接受字段“%1”。</translation>
    </message>
    <message>
        <source>The field &quot;reason&quot; is only accepted when cancelling.</source>
        <translation>字段“reason”仅在取消时接受。</translation>
    </message>
    <message>
        <source>A class booking moves to another class: give slotId.</source>
        <translation>课时预约只能改到其他课时：请提供 slotId。</translation>
    </message>
    <message>
        <source>A venue booking moves to another time: give startAt and endAt.</source>
        <translation>场馆预约只能改到其他时间：请提供 startAt 和 endAt。</translation>
    </message>
</context>
<context>
    <name>SalesDesk</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Time card</source>
        <translation>期限卡</translation>
    </message>
    <message>
        <source>Count card</source>
        <translation>次卡</translation>
    </message>
    <message>
        <source>Value card</source>
        <translation>储值卡</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>Enter the product name.</source>
        <translation>请输入产品名称。</translation>
    </message>
    <message>
        <source>The product name is longer than 60 characters.</source>
        <translation>产品名称超过 60 个字符。</translation>
    </message>
    <message>
        <source>Choose the card kind.</source>
        <translation>请选择卡类型。</translation>
    </message>
    <message>
        <source>The price must be between 0 and 1,000,000 yuan.</source>
        <translation>价格必须在 0 到 1,000,000 元之间。</translation>
    </message>
    <message>
        <source>The validity must be between 0 and 3660 days.</source>
        <translation>有效期必须在 0 到 3660 天之间。</translation>
    </message>
    <message>
        <source>A time card needs a validity of at least one day.</source>
        <translation>期限卡的有效期至少为一天。</translation>
    </message>
    <message>
        <source>A count card needs between 1 and 10000 visits.</source>
        <translation>次卡的次数必须在 1 到 10000 之间。</translation>
    </message>
    <message>
        <source>A value card needs a stored value above 0 yuan.</source>
        <translation>储值卡的储值金额必须大于 0 元。</translation>
    </message>
    <message>
        <source>A value card needs a per-visit price above 0 and not above its stored value.</source>
        <translation>储值卡的单次价格必须大于 0 且不超过储值金额。</translation>
    </message>
    <message>
        <source>The time windows are not valid, e.g. [{&quot;days&quot;:&quot;1-5&quot;,&quot;from&quot;:&quot;06:00&quot;,&quot;to&quot;:&quot;22:00&quot;}].</source>
        <translation>时间段无效，示例：[{&quot;days&quot;:&quot;1-5&quot;,&quot;from&quot;:&quot;06:00&quot;,&quot;to&quot;:&quot;22:00&quot;}]。</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <source>Refunded (yuan)</source>
        <translation>退款金额（元）</translation>
    </message>
    <message>
        <source>Net (yuan)</source>
        <translation>净额（元）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Choose how the member pays.</source>
        <translation>请选择会员的支付方式。</translation>
    </message>
    <message>
        <source>The zone %1 does not exist.</source>
        <translation>区域 %1 不存在。</translation>
    </message>
    <message>
        <source>The card product was not found.</source>
        <translation>未找到该会员卡产品。</translation>
    </message>
    <message>
        <source>The card must start between today and %1 days ahead.</source>
        <translation>会员卡的生效日期必须在今天到 %1 天后之间。</translation>
    </message>
    <message>
        <source>The member was not found.</source>
        <translation>未找到该会员。</translation>
    </message>
    <message>
        <source>%1 is blocked; unblock the member before selling a card.</source>
        <translation>%1 已被禁用；请先解除禁用再售卡。</translation>
    </message>
    <message>
        <source>The product %1 is no longer sold.</source>
        <translation>产品 %1 已停售。</translation>
    </message>
    <message>
        <source>The top-up must be between 0.01 and 1,000,000 yuan.</source>
        <translation>充值金额必须在 0.01 到 1,000,000 元之间。</translation>
    </message>
    <message>
        <source>Only a value card can be topped up.</source>
        <translation>只有储值卡可以充值。</translation>
    </message>
    <message>
        <source>A cancelled card cannot be topped up.</source>
        <translation>已注销的卡不能充值。</translation>
    </message>
    <message>
        <source>An expired card cannot be topped up.</source>
        <translation>已过期的卡不能充值。</translation>
    </message>
    <message>
        <source>The card is frozen already.</source>
        <translation>该卡已处于冻结状态。</translation>
    </message>
    <message>
        <source>A cancelled card cannot be frozen.</source>
        <translation>已注销的卡不能冻结。</translation>
    </message>
    <message>
        <source>An expired card cannot be frozen.</source>
        <translation>已过期的卡不能冻结。</translation>
    </message>
    <message>
        <source>The card is not frozen.</source>
        <translation>该卡未冻结。</translation>
    </message>
    <message>
        <source>The refund cannot be negative.</source>
        <translation>退款金额不能为负数。</translation>
    </message>
    <message>
        <source>Enter the reason for the cancellation.</source>
        <translation>请输入注销原因。</translation>
    </message>
    <message>
        <source>The card is cancelled already.</source>
        <translation>该卡已注销。</translation>
    </message>
    <message>
        <source>The refund is more than the %1 yuan paid for this card.</source>
        <translation>退款金额超过了此卡实付的 %1 元。</translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>The report period must end after it starts and span at most %1 days.</source>
        <translation>报表期间的结束时间必须晚于开始时间，且跨度不超过 %1 天。</translation>
    </message>
    <message>
        <source>The card was not found.</source>
        <translation>未找到该会员卡。</translation>
    </message>
    <message>
        <source>No %1 numbers are left for this site.</source>
        <translation>本门店已无可用的 %1 编号。</translation>
    </message>
    <message>
        <source>Top-up of card %1</source>
        <translation>会员卡 %1 充值</translation>
    </message>
    <message>
        <source>Refund for card %1</source>
        <translation>会员卡 %1 退款</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ShotSupport</name>
    <message>
        <source>Cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>SigningKey</name>
    <message>
        <source>The crypto library failed to start.</source>
        <translation>加密库初始化失败。</translation>
    </message>
    <message>
        <source>A key id has 1 to 16 letters, digits, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>密钥 ID 由 1 到 16 个字母、数字、“_”或“-”组成。</translation>
    </message>
    <message>
        <source>A signing key has %1 bytes, not %2.</source>
        <translation>签名密钥应为 %1 字节，而不是 %2 字节。</translation>
    </message>
    <message>
        <source>The signing key is damaged: its two halves do not match.</source>
        <translation>签名密钥已损坏：其前后两部分不匹配。</translation>
    </message>
</context>
<context>
    <name>SmsSender</name>
    <message>
        <source>Cannot open the SMS outbox %1: %2</source>
        <translation>无法打开短信发件箱 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the SMS outbox %1: %2</source>
        <translation>无法写入短信发件箱 %1：%2</translation>
    </message>
</context>
<context>
    <name>SqlGateSetup</name>
    <message>
        <source>The gate was not found.</source>
        <translation>未找到该闸机。</translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1 at line %2, column %3 (offset %4).</source>
        <translation>文件不是有效的 JSON：%1，位于第 %2 行第 %3 列（偏移量 %4）。</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1（副本 %2）</translation>
    </message>
    <message>
        <source>Give the gate a name.</source>
        <translation>请为闸机命名。</translation>
    </message>
    <message>
        <source>The name is too long; use at most %1 characters.</source>
        <translation>名称过长，最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Choose the zone the gate leads into.</source>
        <translation>请选择闸机通往的区域。</translation>
    </message>
    <message>
        <source>The zone %1 does not exist.</source>
        <translation>区域 %1 不存在。</translation>
    </message>
    <message>
        <source>Choose the gate&apos;s direction.</source>
        <translation>请选择闸机方向。</translation>
    </message>
    <message>
        <source>Choose what the gate does when its controller is lost.</source>
        <translation>请选择控制器失联时闸机的行为。</translation>
    </message>
    <message>
        <source>Another gate is already called %1.</source>
        <translation>已有名为 %1 的闸机。</translation>
    </message>
    <message>
        <source>The file does not hold a gate profile: a profile is a JSON object.</source>
        <translation>该文件不包含闸机配置：配置应为 JSON 对象。</translation>
    </message>
    <message>
        <source>The gate %1 was not found.</source>
        <translation>未找到闸机 %1。</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;; a gates file has: %2.</source>
        <translation>未知键“%1”；闸机文件可包含：%2。</translation>
    </message>
    <message>
        <source>This is not a GymGate gates file (the format must be &quot;%1&quot;).</source>
        <translation>这不是 GymGate 闸机文件（格式必须为“%1”）。</translation>
    </message>
    <message>
        <source>This GymGate reads gates files of version %1 only.</source>
        <translation>此版本 GymGate 只能读取版本 %1 的闸机文件。</translation>
    </message>
    <message>
        <source>The file has no list of gates.</source>
        <translation>文件中没有闸机列表。</translation>
    </message>
    <message>
        <source>Each gate must be a JSON object.</source>
        <translation>每个闸机都必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;; a gate has: %2.</source>
        <translation>未知键“%1”；闸机可包含：%2。</translation>
    </message>
    <message>
        <source>There is no zone called &quot;%1&quot; here; the zones are: %2.</source>
        <translation>此处没有名为“%1”的区域；现有区域：%2。</translation>
    </message>
    <message>
        <source>The gate has no profile.</source>
        <translation>该闸机没有配置。</translation>
    </message>
    <message>
        <source>The file does not hold gates: it must be a JSON object.</source>
        <translation>该文件不包含闸机：文件内容必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>The file names two gates %1 (gates %2 and %3).</source>
        <translation>文件中有两个闸机都名为 %1（第 %2 个和第 %3 个闸机）。</translation>
    </message>
</context>
<context>
    <name>SqlReportEngine</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>No staff member</source>
        <translation>无经办员工</translation>
    </message>
    <message>
        <source>The report could not be read: %1</source>
        <translation>无法读取报表：%1</translation>
    </message>
    <message>
        <source>No card</source>
        <translation>无会员卡</translation>
    </message>
    <message>
        <source>No product</source>
        <translation>无卡产品</translation>
    </message>
    <message>
        <source>Self-service at the gate</source>
        <translation>闸机自助</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>manage staff accounts</source>
        <translation>管理员工账号</translation>
    </message>
    <message>
        <source>view the audit log</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <source>view members</source>
        <translation>查看会员</translation>
    </message>
    <message>
        <source>register or edit members</source>
        <translation>登记或修改会员</translation>
    </message>
    <message>
        <source>block or unblock members</source>
        <translation>禁用或启用会员</translation>
    </message>
    <message>
        <source>issue member codes</source>
        <translation>签发会员码</translation>
    </message>
    <message>
        <source>manage card products</source>
        <translation>管理会员卡产品</translation>
    </message>
    <message>
        <source>sell or top up cards</source>
        <translation>售卡或充值</translation>
    </message>
    <message>
        <source>freeze or unfreeze cards</source>
        <translation>冻结或解冻会员卡</translation>
    </message>
    <message>
        <source>cancel cards with a refund</source>
        <translation>退卡并退款</translation>
    </message>
    <message>
        <source>view other staff members&apos; shift reports</source>
        <translation>查看其他员工的交班报表</translation>
    </message>
    <message>
        <source>manage venues and maintenance</source>
        <translation>管理场馆和维护计划</translation>
    </message>
    <message>
        <source>manage courses and slots</source>
        <translation>管理课程和课时</translation>
    </message>
    <message>
        <source>make or cancel bookings</source>
        <translation>预约或取消预约</translation>
    </message>
    <message>
        <source>let a member in by hand</source>
        <translation>手动放行会员</translation>
    </message>
    <message>
        <source>configure and test gates</source>
        <translation>配置和测试闸机</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>访客</translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>%1 (%2) may not %3.</source>
        <translation>%1（%2）无权%3。</translation>
    </message>
    <message>
        <source>see and retry what the hub refused</source>
        <translation>查看并重试被中心服务器拒绝的事件</translation>
    </message>
    <message>
        <source>enroll this desk with the hub</source>
        <translation>将本前台注册到中心服务器</translation>
    </message>
    <message>
        <source>declare or reset an emergency, or clear a gate out of order</source>
        <translation>宣布或解除紧急状态，或恢复暂停服务的闸机</translation>
    </message>
    <message>
        <source>view the dashboard and reports</source>
        <translation>查看仪表盘和报表</translation>
    </message>
</context>
<context>
    <name>StaffDirectory</name>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>The user name may have at most 32 characters.</source>
        <translation>用户名最多 32 个字符。</translation>
    </message>
    <message>
        <source>The user name may only have letters, digits, dots, dashes and underscores.</source>
        <translation>用户名只能包含字母、数字、点、短横线和下划线。</translation>
    </message>
    <message>
        <source>Enter the name shown on screens and receipts.</source>
        <translation>请输入在屏幕和收据上显示的名称。</translation>
    </message>
    <message>
        <source>The name may have at most 64 characters.</source>
        <translation>名称最多 64 个字符。</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The password needs both letters and digits.</source>
        <translation>密码必须同时包含字母和数字。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins: this account is locked. Try again in %n minute(s).</source>
        <translation>
            <numerusform>登录失败次数过多，此账号已锁定。请在 %n 分钟后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>The user name %1 is taken.</source>
        <translation>用户名 %1 已被占用。</translation>
    </message>
    <message>
        <source>An administrator exists already: log in instead.</source>
        <translation>已存在管理员：请直接登录。</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入您的用户名。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation>此账号已停用。请联系管理员启用。</translation>
    </message>
    <message>
        <source>This staff account does not exist (any more).</source>
        <translation>此员工账号不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>Your account is no longer active. Please log in again.</source>
        <translation>您的账号已不再有效。请重新登录。</translation>
    </message>
    <message>
        <source>You cannot disable, delete or demote your own account. Ask another administrator.</source>
        <translation>您不能停用、删除或降级自己的账号。请联系其他管理员。</translation>
    </message>
    <message>
        <source>%1 is the last active administrator. Make someone else an administrator first.</source>
        <translation>%1 是最后一位有效的管理员。请先将其他人设为管理员。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>The end of the period must come after its start.</source>
        <translation>期间的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>StatsModule</name>
    <message>
        <source>The parameter &quot;%1&quot; is not accepted here.</source>
        <translation>此处不接受参数“%1”。</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; is missing.</source>
        <translation>缺少参数“%1”。</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must be a date YYYY-MM-DD (2000-2099).</source>
        <translation>参数“%1”必须是 YYYY-MM-DD 格式的日期（2000-2099）。</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; names no site: %2.</source>
        <translation>参数“%1”未指向任何门店：%2。</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must not be before &quot;%2&quot;.</source>
        <translation>参数“%1”不能早于“%2”。</translation>
    </message>
    <message>
        <source>The range from &quot;%1&quot; to &quot;%2&quot; is longer than %3 days.</source>
        <translation>从“%1”到“%2”的范围超过 %3 天。</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; is empty.</source>
        <translation>参数“%1”为空。</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must be one of: %2.</source>
        <translation>参数“%1”必须是以下之一：%2。</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must be one of: %2 (the metric &quot;%3&quot; has no other).</source>
        <translation>参数“%1”必须是以下之一：%2（指标“%3”没有其他维度）。</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>An audit record was written outside a transaction.</source>
        <translation>审计记录在事务之外写入。</translation>
    </message>
    <message>
        <source>An audit record needs an actor and an action.</source>
        <translation>审计记录必须包含操作人和操作。</translation>
    </message>
    <message>
        <source>The audit record</source>
        <translation>该审计记录</translation>
    </message>
    <message>
        <source>The booking</source>
        <translation>该预约</translation>
    </message>
    <message>
        <source>The booking number is missing.</source>
        <translation>缺少预约号。</translation>
    </message>
    <message>
        <source>The booking status is missing.</source>
        <translation>缺少预约状态。</translation>
    </message>
    <message>
        <source>The booking must end after it starts.</source>
        <translation>预约的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>The card product</source>
        <translation>该卡种</translation>
    </message>
    <message>
        <source>The name is missing.</source>
        <translation>缺少名称。</translation>
    </message>
    <message>
        <source>The card kind is missing.</source>
        <translation>缺少卡类型。</translation>
    </message>
    <message>
        <source>The course</source>
        <translation>该课程</translation>
    </message>
    <message>
        <source>The course slot</source>
        <translation>该课程时段</translation>
    </message>
    <message>
        <source>The slot must end after it starts.</source>
        <translation>时段的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>The capacity must be at least one.</source>
        <translation>容量至少为 1。</translation>
    </message>
    <message>
        <source>The course slot is fully booked.</source>
        <translation>该课程时段已约满。</translation>
    </message>
    <message>
        <source>The course slot has no booking to release.</source>
        <translation>该课程时段没有可释放的预约。</translation>
    </message>
    <message>
        <source>The migration file name %1 is not NNNN_name.sql.</source>
        <translation>迁移文件名 %1 不符合 NNNN_name.sql 格式。</translation>
    </message>
    <message>
        <source>The migration %1 cannot be read.</source>
        <translation>无法读取迁移 %1。</translation>
    </message>
    <message>
        <source>The migrations are not numbered without gaps: expected version %1, found %2 (%3).</source>
        <translation>迁移编号不连续：应为版本 %1，实际为 %2（%3）。</translation>
    </message>
    <message>
        <source>No database file was given.</source>
        <translation>未指定数据库文件。</translation>
    </message>
    <message>
        <source>The database file %1 does not exist.</source>
        <translation>数据库文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建目录 %1。</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>The SQLite driver did not expose its connection handle.</source>
        <translation>SQLite 驱动未提供其连接句柄。</translation>
    </message>
    <message>
        <source>The journal mode cannot be set: %1</source>
        <translation>无法设置日志模式（journal mode）：%1</translation>
    </message>
    <message>
        <source>The database %1 cannot use write-ahead logging (mode %2).</source>
        <translation>数据库 %1 无法使用预写日志（WAL），当前模式为 %2。</translation>
    </message>
    <message>
        <source>Schema version %1 was asked for, but the latest known is %2.</source>
        <translation>请求的数据库版本为 %1，但已知的最新版本为 %2。</translation>
    </message>
    <message>
        <source>The database %1 has schema version %2, but this GymGate knows versions up to %3 only. Please install a newer GymGate; the file was not changed.</source>
        <translation>数据库 %1 的数据库版本为 %2，但此 GymGate 最高只支持版本 %3。请安装更新版本的 GymGate；文件未作任何更改。</translation>
    </message>
    <message>
        <source>The database could not be backed up before the upgrade, so it was not changed: %1</source>
        <translation>升级前无法备份数据库，因此未作更改：%1</translation>
    </message>
    <message>
        <source>The migration %1 failed, the database was left at version %2: %3</source>
        <translation>迁移 %1 失败，数据库仍为版本 %2：%3</translation>
    </message>
    <message>
        <source>The upgrade could not be committed, the database was left at version %1: %2</source>
        <translation>无法提交升级，数据库仍为版本 %1：%2</translation>
    </message>
    <message>
        <source>The schema version cannot be read</source>
        <translation>无法读取数据库版本</translation>
    </message>
    <message>
        <source>The database reported an error: %1</source>
        <translation>数据库报告错误：%1</translation>
    </message>
    <message>
        <source>The query returned no row.</source>
        <translation>查询未返回任何行。</translation>
    </message>
    <message>
        <source>No backup file was given.</source>
        <translation>未指定备份文件。</translation>
    </message>
    <message>
        <source>A database cannot be backed up onto itself.</source>
        <translation>不能将数据库备份到其自身。</translation>
    </message>
    <message>
        <source>The backup file %1 cannot be created: %2</source>
        <translation>无法创建备份文件 %1：%2</translation>
    </message>
    <message>
        <source>The backup to %1 cannot start: %2</source>
        <translation>无法开始备份到 %1：%2</translation>
    </message>
    <message>
        <source>The backup to %1 failed: %2</source>
        <translation>备份到 %1 失败：%2</translation>
    </message>
    <message>
        <source>The integrity check could not run: %1</source>
        <translation>无法运行完整性检查：%1</translation>
    </message>
    <message>
        <source>The gate</source>
        <translation>该闸机</translation>
    </message>
    <message>
        <source>The gate has no zone.</source>
        <translation>闸机未指定区域。</translation>
    </message>
    <message>
        <source>The gate direction is missing.</source>
        <translation>缺少闸机方向。</translation>
    </message>
    <message>
        <source>The fail mode is missing.</source>
        <translation>缺少故障模式。</translation>
    </message>
    <message>
        <source>The key id is missing.</source>
        <translation>缺少密钥 ID。</translation>
    </message>
    <message>
        <source>A public key must be 32 bytes long.</source>
        <translation>公钥长度必须为 32 字节。</translation>
    </message>
    <message>
        <source>The key %1</source>
        <translation>密钥 %1</translation>
    </message>
    <message>
        <source>The credential id is missing.</source>
        <translation>缺少凭证 ID。</translation>
    </message>
    <message>
        <source>Only card codes and app tokens are stored.</source>
        <translation>只能存储会员卡码和 App 令牌。</translation>
    </message>
    <message>
        <source>The credential</source>
        <translation>该凭证</translation>
    </message>
    <message>
        <source>The member card</source>
        <translation>该会员卡</translation>
    </message>
    <message>
        <source>The card number is missing.</source>
        <translation>缺少卡号。</translation>
    </message>
    <message>
        <source>The card has no member.</source>
        <translation>会员卡未关联会员。</translation>
    </message>
    <message>
        <source>The card status is missing.</source>
        <translation>缺少会员卡状态。</translation>
    </message>
    <message>
        <source>The member</source>
        <translation>该会员</translation>
    </message>
    <message>
        <source>The member number is missing.</source>
        <translation>缺少会员号。</translation>
    </message>
    <message>
        <source>The phone number is missing.</source>
        <translation>缺少手机号。</translation>
    </message>
    <message>
        <source>The queued event</source>
        <translation>该待发送事件</translation>
    </message>
    <message>
        <source>An outbox event was written outside a transaction.</source>
        <translation>发件箱事件在事务之外写入。</translation>
    </message>
    <message>
        <source>The event has no type.</source>
        <translation>事件缺少类型。</translation>
    </message>
    <message>
        <source>The failed event</source>
        <translation>该发送失败的事件</translation>
    </message>
    <message>
        <source>The receipt number is missing.</source>
        <translation>缺少收据号。</translation>
    </message>
    <message>
        <source>The kind of payment is missing.</source>
        <translation>缺少交易类型。</translation>
    </message>
    <message>
        <source>The payment method is missing.</source>
        <translation>缺少支付方式。</translation>
    </message>
    <message>
        <source>The setting has no name.</source>
        <translation>设置项缺少名称。</translation>
    </message>
    <message>
        <source>The zone %1 is not configured.</source>
        <translation>区域 %1 未配置。</translation>
    </message>
    <message>
        <source>The entry</source>
        <translation>该入场记录</translation>
    </message>
    <message>
        <source>The entry is %1 and can no longer change.</source>
        <translation>该入场记录状态为 %1，无法再更改。</translation>
    </message>
    <message>
        <source>A decision is stored as denied or pending.</source>
        <translation>判定只能以“拒绝”或“待定”状态保存。</translation>
    </message>
    <message>
        <source>The entry has no zone.</source>
        <translation>入场记录缺少区域。</translation>
    </message>
    <message>
        <source>The entry has no direction.</source>
        <translation>入场记录缺少方向。</translation>
    </message>
    <message>
        <source>The entry has no reason.</source>
        <translation>入场记录缺少原因。</translation>
    </message>
    <message>
        <source>A deduction cannot be negative.</source>
        <translation>扣减额不能为负数。</translation>
    </message>
    <message>
        <source>Only a pending entry with a card can be charged.</source>
        <translation>只有关联会员卡的待定入场记录才能扣费。</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>此码已被使用。</translation>
    </message>
    <message>
        <source>The card can no longer pay for this entry.</source>
        <translation>该会员卡已无法支付本次入场。</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>booking number</source>
        <translation>预约号</translation>
    </message>
    <message>
        <source>receipt number</source>
        <translation>收据号</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>event id</source>
        <translation>事件 ID</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>%1 was not found.</source>
        <translation>未找到%1。</translation>
    </message>
    <message>
        <source>A record with this %1 already exists.</source>
        <translation>已存在相同%1的记录。</translation>
    </message>
    <message>
        <source>The record refers to something that does not exist or is still referred to by other records.</source>
        <translation>该记录引用了不存在的数据，或仍被其他记录引用。</translation>
    </message>
    <message>
        <source>The value of %1 is not allowed.</source>
        <translation>%1的取值不允许。</translation>
    </message>
    <message>
        <source>The change conflicts with stored data: %1</source>
        <translation>此更改与已存储的数据冲突：%1</translation>
    </message>
    <message>
        <source>The stored %1 is damaged: %2</source>
        <translation>存储的 %1 已损坏：%2</translation>
    </message>
    <message>
        <source>The staff account</source>
        <translation>该员工账号</translation>
    </message>
    <message>
        <source>The user name is missing.</source>
        <translation>缺少用户名。</translation>
    </message>
    <message>
        <source>The password is missing.</source>
        <translation>缺少密码。</translation>
    </message>
    <message>
        <source>The role is missing.</source>
        <translation>缺少角色。</translation>
    </message>
    <message>
        <source>The account status is missing.</source>
        <translation>缺少账号状态。</translation>
    </message>
    <message>
        <source>The venue</source>
        <translation>该场馆</translation>
    </message>
    <message>
        <source>The venue kind is missing.</source>
        <translation>缺少场馆类型。</translation>
    </message>
    <message>
        <source>The venue status is missing.</source>
        <translation>缺少场馆状态。</translation>
    </message>
    <message>
        <source>The anti-passback mode is missing.</source>
        <translation>缺少防回传模式。</translation>
    </message>
    <message>
        <source>The maintenance must end after it starts.</source>
        <translation>维护的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>The maintenance plan</source>
        <translation>该维护计划</translation>
    </message>
    <message>
        <source>The connection name %1 is already in use.</source>
        <translation>连接名 %1 已被占用。</translation>
    </message>
    <message>
        <source>The write-ahead log could not be checkpointed: %1</source>
        <translation>无法对预写日志（WAL）执行检查点：%1</translation>
    </message>
    <message>
        <source>No failed event %1.</source>
        <translation>不存在被拒绝的事件 %1。</translation>
    </message>
    <message>
        <source>The device id is missing.</source>
        <translation>缺少设备 ID。</translation>
    </message>
    <message>
        <source>The notice has no kind.</source>
        <translation>同步提醒缺少类型。</translation>
    </message>
    <message>
        <source>The notice has no message.</source>
        <translation>同步提醒缺少内容。</translation>
    </message>
    <message>
        <source>The notice&apos;s detail must be a JSON object.</source>
        <translation>同步提醒的详情必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>No sync notice %1.</source>
        <translation>不存在同步提醒 %1。</translation>
    </message>
    <message>
        <source>The sync notice %1 is acknowledged already.</source>
        <translation>同步提醒 %1 已确认过。</translation>
    </message>
    <message>
        <source>The sync notice</source>
        <translation>该同步提醒</translation>
    </message>
</context>
<context>
    <name>SupervisorGateControl</name>
    <message>
        <source>Say why you declare the emergency.</source>
        <translation>请说明宣布紧急状态的原因。</translation>
    </message>
    <message>
        <source>The reason is too long (at most %1 characters).</source>
        <translation>原因过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>The emergency is already on: every gate is free.</source>
        <translation>紧急状态已生效：所有闸机均已放行。</translation>
    </message>
    <message>
        <source>There is no emergency to reset.</source>
        <translation>当前没有需要解除的紧急状态。</translation>
    </message>
    <message>
        <source>This desk&apos;s gate service does not drive that gate.</source>
        <translation>本前台的闸机服务不控制该闸机。</translation>
    </message>
    <message>
        <source>Every gate is free during the emergency. Reset the emergency first, then clear %1.</source>
        <translation>紧急状态期间所有闸机均已放行。请先解除紧急状态，再恢复 %1。</translation>
    </message>
    <message>
        <source>%1 is not out of order.</source>
        <translation>%1 并未暂停服务。</translation>
    </message>
    <message>
        <source>This desk drives no gate.</source>
        <translation>本前台不控制任何闸机。</translation>
    </message>
</context>
<context>
    <name>SyncJson</name>
    <message>
        <source>The event&apos;s data.%1 is not a list of opening windows: %2</source>
        <translation>事件的 data.%1 不是开放时间段列表：%2</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be a list of ids.</source>
        <translation>事件的 data.%1 必须是 ID 列表。</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be base64.</source>
        <translation>事件的 data.%1 必须是 base64 编码。</translation>
    </message>
    <message>
        <source>The event&apos;s data.endMs must be after data.startMs.</source>
        <translation>事件的 data.endMs 必须晚于 data.startMs。</translation>
    </message>
    <message>
        <source>The event&apos;s data.birthday must be a date (YYYY-MM-DD).</source>
        <translation>事件的 data.birthday 必须是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The event&apos;s data.reason is not a known reason code.</source>
        <translation>事件的 data.reason 不是已知的原因代码。</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 is missing.</source>
        <translation>事件缺少 data.%1。</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be an id of at most %2 characters.</source>
        <translation>事件的 data.%1 必须是不超过 %2 个字符的 ID。</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be a text.</source>
        <translation>事件的 data.%1 必须是文本。</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 is longer than %2 characters.</source>
        <translation>事件的 data.%1 超过 %2 个字符。</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 is empty.</source>
        <translation>事件的 data.%1 为空。</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be one of: %2.</source>
        <translation>事件的 data.%1 必须是以下之一：%2。</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be an integer from %2 to %3.</source>
        <translation>事件的 data.%1 必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be true or false.</source>
        <translation>事件的 data.%1 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>The event&apos;s data.%1 must be a JSON array.</source>
        <translation>事件的 data.%1 必须是 JSON 数组。</translation>
    </message>
</context>
<context>
    <name>SyncModule</name>
    <message>
        <source>An event must be a JSON object.</source>
        <translation>事件必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>The event member %1 is unknown.</source>
        <translation>事件包含未知字段 %1。</translation>
    </message>
    <message>
        <source>The event&apos;s id must be a UUID.</source>
        <translation>事件的 id 必须是 UUID。</translation>
    </message>
    <message>
        <source>The event&apos;s type must be a text of 1 to 64 characters.</source>
        <translation>事件的 type 必须是 1 到 64 个字符的文本。</translation>
    </message>
    <message>
        <source>The event&apos;s at must be a time in UTC milliseconds.</source>
        <translation>事件的 at 必须是以 UTC 毫秒表示的时间。</translation>
    </message>
    <message>
        <source>The event&apos;s device is missing.</source>
        <translation>事件缺少 device。</translation>
    </message>
    <message>
        <source>The event&apos;s staff must be a staff id.</source>
        <translation>事件的 staff 必须是员工 ID。</translation>
    </message>
    <message>
        <source>The event&apos;s data must be a JSON object.</source>
        <translation>事件的 data 必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>events must be an array of 1 to %1 events.</source>
        <translation>events 必须是包含 1 到 %1 个事件的数组。</translation>
    </message>
    <message>
        <source>The event&apos;s device is not the device of the token.</source>
        <translation>事件的 device 与令牌所属的设备不符。</translation>
    </message>
    <message>
        <source>The parameter &quot;kind&quot; is longer than 64 characters.</source>
        <translation>参数“kind”超过 64 个字符。</translation>
    </message>
    <message>
        <source>There is no flag %1.</source>
        <translation>不存在标记 %1。</translation>
    </message>
    <message>
        <source>The flag %1 is resolved already.</source>
        <translation>标记 %1 已处理。</translation>
    </message>
</context>
<context>
    <name>TechShots</name>
    <message>
        <source>Saves a PNG of the technician console&apos;s screens against gymgate-gatesim.</source>
        <translation>对照 gymgate-gatesim 保存技术员控制台各界面的 PNG 截图。</translation>
    </message>
    <message>
        <source>Directory for the PNG files.</source>
        <translation>PNG 文件的保存目录。</translation>
    </message>
    <message>
        <source>Window size, WIDTHxHEIGHT.</source>
        <translation>窗口尺寸，格式为 WIDTHxHEIGHT。</translation>
    </message>
    <message>
        <source>Interface language (zh_CN or en).</source>
        <translation>界面语言（zh_CN 或 en）。</translation>
    </message>
    <message>
        <source>The gymgate-gatesim program.</source>
        <translation>gymgate-gatesim 程序。</translation>
    </message>
    <message>
        <source>Bad --size or --lang (see --help).</source>
        <translation>--size 或 --lang 参数无效（参见 --help）。</translation>
    </message>
    <message>
        <source>Gym floor</source>
        <translation>健身区</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>泳池</translation>
    </message>
    <message>
        <source>North turnstile</source>
        <translation>北侧闸机</translation>
    </message>
    <message>
        <source>South exit</source>
        <translation>南出口</translation>
    </message>
    <message>
        <source>Pool door</source>
        <translation>泳池门</translation>
    </message>
    <message>
        <source>The simulator did not answer.</source>
        <translation>模拟器没有响应。</translation>
    </message>
    <message>
        <source>Evacuation drill</source>
        <translation>疏散演练</translation>
    </message>
    <message>
        <source>Cannot start %1</source>
        <translation>无法启动 %1</translation>
    </message>
    <message>
        <source>Wang Lei</source>
        <translation>王磊</translation>
    </message>
</context>
<context>
    <name>UserModule</name>
    <message>
        <source>No user %1.</source>
        <translation>不存在用户 %1。</translation>
    </message>
    <message>
        <source>The field &quot;role&quot; must be admin, staff, technician or guest.</source>
        <translation>字段“role”必须是 admin、staff、technician 或 guest。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be active or disabled.</source>
        <translation>字段“%1”必须是 active 或 disabled。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must have at least %2 characters.</source>
        <translation>字段“%1”至少需要 %2 个字符。</translation>
    </message>
    <message>
        <source>The field &quot;username&quot; must be 1 to 64 characters without spaces.</source>
        <translation>字段“username”必须是 1 到 64 个字符，且不含空格。</translation>
    </message>
    <message>
        <source>The field &quot;siteId&quot; names no site (%1).</source>
        <translation>字段“siteId”未指向任何门店（%1）。</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>demoted</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Your own account cannot be %1; ask another admin.</source>
        <translation>您自己的账号不能被%1；请联系其他管理员。</translation>
    </message>
    <message>
        <source>%1 is the last active admin and cannot be %2.</source>
        <translation>%1 是最后一位有效的管理员，不能被%2。</translation>
    </message>
    <message>
        <source>The parameter &quot;role&quot; must be admin, staff, technician or guest.</source>
        <translation>参数“role”必须是 admin、staff、technician 或 guest。</translation>
    </message>
    <message>
        <source>The username %1 is taken.</source>
        <translation>用户名 %1 已被占用。</translation>
    </message>
    <message>
        <source>Your account is gone.</source>
        <translation>您的账号已不存在。</translation>
    </message>
    <message>
        <source>The field &quot;currentPassword&quot; is not your current password.</source>
        <translation>字段“currentPassword”与您的当前密码不符。</translation>
    </message>
</context>
<context>
    <name>VenueModule</name>
    <message>
        <source>The field &quot;openingHours&quot; must be a list of {days, from, to} windows.</source>
        <translation>字段“openingHours”必须是由 {days, from, to} 时间段组成的列表。</translation>
    </message>
    <message>
        <source>The field &quot;status&quot; must be open, closed or maintenance.</source>
        <translation>字段“status”必须是 open、closed 或 maintenance。</translation>
    </message>
    <message>
        <source>The field &quot;kind&quot; must be gym_floor, studio, court, pool or other.</source>
        <translation>字段“kind”必须是 gym_floor、studio、court、pool 或 other。</translation>
    </message>
    <message>
        <source>The venue %1 does not exist.</source>
        <translation>场馆 %1 不存在。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is missing.</source>
        <translation>缺少字段“%1”。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be UTC milliseconds or an ISO 8601 time.</source>
        <translation>字段“%1”必须是 UTC 毫秒数或 ISO 8601 时间。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not an ISO 8601 time like 2026-03-05T10:00:00+08:00.</source>
        <translation>字段“%1”不是 ISO 8601 时间（例如 2026-03-05T10:00:00+08:00）。</translation>
    </message>
    <message>
        <source>The venue still has bookings or classes to come; cancel them first.</source>
        <translation>该场馆还有未来的预约或课时，请先取消。</translation>
    </message>
    <message>
        <source>The maintenance must end after it starts.</source>
        <translation>维护的结束时间必须晚于开始时间。</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) or class(es) fall inside this period; move or cancel them first.</source>
        <translation>
            <numerusform>此期间内有 %n 个预约或课时，请先调整或取消。</numerusform>
        </translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; must be a date like 2026-03-05.</source>
        <translation>参数“%1”必须是日期，例如 2026-03-05。</translation>
    </message>
    <message>
        <source>The parameter &quot;to&quot; must not be before &quot;from&quot;.</source>
        <translation>参数“to”不能早于“from”。</translation>
    </message>
    <message>
        <source>The calendar covers at most %1 days.</source>
        <translation>日历最多涵盖 %1 天。</translation>
    </message>
</context>
<context>
    <name>WeeklySchedule</name>
    <message>
        <source>The schedule must be a JSON list of time windows.</source>
        <translation>时间表必须是由时间段组成的 JSON 列表。</translation>
    </message>
    <message>
        <source>Each time window must be an object.</source>
        <translation>每个时间段都必须是一个对象。</translation>
    </message>
    <message>
        <source>Days must be weekday numbers 1-7, like &quot;1-5&quot; or &quot;6,7&quot;.</source>
        <translation>星期必须是 1-7 的数字，例如“1-5”或“6,7”。</translation>
    </message>
    <message>
        <source>The start time must be HH:MM between 00:00 and 23:59.</source>
        <translation>开始时间必须是 00:00 到 23:59 之间的 HH:MM。</translation>
    </message>
    <message>
        <source>The end time must be HH:MM up to 24:00 and differ from the start time.</source>
        <translation>结束时间必须是不晚于 24:00 的 HH:MM，且不能与开始时间相同。</translation>
    </message>
</context>
<context>
    <name>gymgate::AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>操作人：</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>any action</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <source>Filter the rows shown</source>
        <translation>筛选显示的记录</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>OK: all %n entries are as written.</source>
        <translation>
            <numerusform>校验通过：全部 %n 条记录均未被改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Broken at entry #%1: it was changed or removed after it was written.</source>
        <translation>审计链在记录 #%1 处断裂：该记录在写入后被修改或删除。</translation>
    </message>
</context>
<context>
    <name>gymgate::BookingsPage</name>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已到场</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>未到场</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation>课时</translation>
    </message>
    <message>
        <source>&amp;Venue time</source>
        <translation>场馆时段</translation>
    </message>
    <message>
        <source>&amp;Weekly for</source>
        <translation>每周预约，共</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Join &amp;waiting list</source>
        <translation>加入候补名单</translation>
    </message>
    <message>
        <source>Filter classes</source>
        <translation>筛选课时</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>课时</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场馆</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>教练</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>V&amp;enue</source>
        <translation>场馆</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>&amp;Cancel booking</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Place in line</source>
        <translation>候补位次</translation>
    </message>
    <message>
        <source>&amp;Leave waiting list</source>
        <translation>退出候补名单</translation>
    </message>
    <message>
        <source>The member&apos;s bookings</source>
        <translation>该会员的预约</translation>
    </message>
    <message>
        <source>Waiting lists</source>
        <translation>候补名单</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Choose a member first.</source>
        <translation>请先选择会员。</translation>
    </message>
    <message>
        <source>Member: %1 %2</source>
        <translation>会员：%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Choose a class in the list.</source>
        <translation>请在列表中选择课时。</translation>
    </message>
    <message numerus="yes">
        <source>Booked %n week(s), from %1.</source>
        <translation>
            <numerusform>已从 %1 起预约 %n 周。</numerusform>
        </translation>
    </message>
    <message>
        <source>Booked: %1, %2.</source>
        <translation>已预约：%1，%2。</translation>
    </message>
    <message>
        <source>On the waiting list, number %1 in line.</source>
        <translation>已加入候补名单，排在第 %1 位。</translation>
    </message>
    <message>
        <source>Choose a booking in the list.</source>
        <translation>请在列表中选择预约。</translation>
    </message>
    <message>
        <source>Cancelled %1.</source>
        <translation>已取消 %1。</translation>
    </message>
    <message>
        <source>Late cancellation: penalty %1 yuan.</source>
        <translation>逾期取消：违约金 %1 元。</translation>
    </message>
    <message>
        <source>%1 got the place from the waiting list (%2).</source>
        <translation>%1 已从候补名单获得名额（%2）。</translation>
    </message>
    <message>
        <source>Left the waiting list.</source>
        <translation>已退出候补名单。</translation>
    </message>
    <message>
        <source>Rejected by the hub</source>
        <translation>被中心服务器拒绝</translation>
    </message>
</context>
<context>
    <name>gymgate::BridgeGateTester</name>
    <message>
        <source>A diagnostics session is already open; close it first.</source>
        <translation>已有一个诊断会话处于打开状态，请先将其关闭。</translation>
    </message>
    <message>
        <source>The gate&apos;s profile is not valid: %1</source>
        <translation>闸机配置无效：%1</translation>
    </message>
    <message>
        <source>Relay and turnstile-registers gates are diagnosed over a modbus-tcp or modbus-rtu transport.</source>
        <translation>relay 和 turnstile-registers 类型的闸机需通过 modbus-tcp 或 modbus-rtu 传输进行诊断。</translation>
    </message>
    <message>
        <source>Serial-text boards are diagnosed over a serial transport.</source>
        <translation>serial-text 板需通过串口传输进行诊断。</translation>
    </message>
    <message>
        <source>Diagnostics need a relay, turnstile-registers or serial-text profile.</source>
        <translation>诊断需要 relay、turnstile-registers 或 serial-text 类型的配置。</translation>
    </message>
    <message>
        <source>Session closed</source>
        <translation>会话已关闭</translation>
    </message>
    <message>
        <source>Busy: a test command is running</source>
        <translation>忙碌：正在执行测试命令</translation>
    </message>
    <message>
        <source>Busy: a bus scan is running</source>
        <translation>忙碌：正在进行总线扫描</translation>
    </message>
    <message>
        <source>Busy: the self-test is running</source>
        <translation>忙碌：正在自检</translation>
    </message>
    <message>
        <source>No diagnostics session is open</source>
        <translation>没有打开的诊断会话</translation>
    </message>
    <message>
        <source>No test command given</source>
        <translation>未指定测试命令</translation>
    </message>
    <message>
        <source>Slave ids to scan must be within 1..247, from not above to</source>
        <translation>要扫描的从站地址必须在 1..247 范围内，且起始值不大于结束值</translation>
    </message>
    <message>
        <source>start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Emergency: the diagnostics session ended so that the gate service frees every gate.</source>
        <translation>紧急状态：诊断会话已结束，以便闸机服务放行所有闸机。</translation>
    </message>
    <message>
        <source>The fire input is active: the diagnostics session ended so that the gate service sees it.</source>
        <translation>消防输入已触发：诊断会话已结束，以便闸机服务接收该信号。</translation>
    </message>
</context>
<context>
    <name>gymgate::CalendarView</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>场馆</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>%1 %2/%3 (+%4 waiting)</source>
        <translation>%1 %2/%3（+%4 候补）</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Maintenance: %1</source>
        <translation>维护：%1</translation>
    </message>
</context>
<context>
    <name>gymgate::CameraScanSource</name>
    <message>
        <source>No camera is connected.</source>
        <translation>未连接摄像头。</translation>
    </message>
    <message>
        <source>The camera %1 is not connected.</source>
        <translation>摄像头 %1 未连接。</translation>
    </message>
    <message>
        <source>Camera error: %1</source>
        <translation>摄像头错误：%1</translation>
    </message>
</context>
<context>
    <name>gymgate::CheckInPage</name>
    <message>
        <source>Manual check-in</source>
        <translation>手动签到</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>闸机</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Let the member in</source>
        <translation>放行会员</translation>
    </message>
    <message>
        <source>Forgot the phone</source>
        <translation>忘带手机</translation>
    </message>
    <message>
        <source>Scanner fault</source>
        <translation>扫码器故障</translation>
    </message>
    <message>
        <source>System fault</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <source>Find a member first (Members page).</source>
        <translation>请先查找会员（会员页面）。</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>会员：%1</translation>
    </message>
    <message>
        <source>Not let in: %1 %2</source>
        <translation>未放行：%1 %2</translation>
    </message>
    <message>
        <source>The gate is open: the member may walk through.</source>
        <translation>闸机已打开：会员可以通过。</translation>
    </message>
    <message>
        <source>The member went through; the visit was recorded.</source>
        <translation>会员已通过，本次入场已记录。</translation>
    </message>
    <message>
        <source>Nobody went through; nothing was charged.</source>
        <translation>无人通过，未扣费。</translation>
    </message>
    <message>
        <source>The gate failed (%1); nothing was charged.</source>
        <translation>闸机故障（%1），未扣费。</translation>
    </message>
</context>
<context>
    <name>gymgate::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>People inside now:</source>
        <translation>当前场内人数：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>By zone</source>
        <translation>按区域</translation>
    </message>
    <message>
        <source>Entries today by hour</source>
        <translation>今日每小时入场</translation>
    </message>
    <message>
        <source>Denials today by reason</source>
        <translation>今日拒绝原因</translation>
    </message>
    <message>
        <source>Sales today</source>
        <translation>今日销售</translation>
    </message>
    <message>
        <source>Today&apos;s classes</source>
        <translation>今日课程</translation>
    </message>
    <message>
        <source>Venues under maintenance</source>
        <translation>维护中的场地</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>People inside</source>
        <translation>场内人数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Denials</source>
        <translation>拒绝次数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>教练</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Fill rate</source>
        <translation>满员率</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>Net revenue today: %1 yuan (%n sale(s))</source>
        <translation>
            <numerusform>今日净营收：%1 元（%n 笔）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>closed for maintenance</source>
        <translation>维护中，暂停开放</translation>
    </message>
    <message>
        <source>from %1 until %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
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
        <translation>GymGate 演示：会员码</translation>
    </message>
    <message>
        <source>%1 at %2 (expected: %3)</source>
        <translation>%1，%2（预期：%3）</translation>
    </message>
    <message>
        <source>Present this code at its gate</source>
        <translation>在对应闸机出示此码</translation>
    </message>
    <message>
        <source>Scan an image file...</source>
        <translation>扫描图片文件……</translation>
    </message>
    <message>
        <source>Reset the emergency (staff)</source>
        <translation>解除紧急状态（员工）</translation>
    </message>
    <message>
        <source>The code could not be read back from its image.</source>
        <translation>无法从图片中读回此码。</translation>
    </message>
    <message>
        <source>Presented at %1.</source>
        <translation>已在 %1 出示。</translation>
    </message>
    <message>
        <source>Scan an image file</source>
        <translation>扫描图片文件</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <source>Read a code from %1.</source>
        <translation>已从 %1 读取二维码。</translation>
    </message>
    <message>
        <source>The emergency is over.</source>
        <translation>紧急状态已解除。</translation>
    </message>
</context>
<context>
    <name>gymgate::DeskWindow</name>
    <message>
        <source>GymGate front desk</source>
        <translation>GymGate 前台</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>会员：%1</translation>
    </message>
</context>
<context>
    <name>gymgate::EnrollDialog</name>
    <message>
        <source>Hub address: start it with http:// or https://, like https://hub.example.com.</source>
        <translation>中心服务器地址：请以 http:// 或 https:// 开头，例如 https://hub.example.com。</translation>
    </message>
    <message>
        <source>Hub address: a host name is missing, like https://hub.example.com.</source>
        <translation>中心服务器地址：缺少主机名，例如 https://hub.example.com。</translation>
    </message>
    <message>
        <source>Hub address: only the scheme, the host and the port, like https://hub.example.com:8443.</source>
        <translation>中心服务器地址：只需填写协议、主机和端口，例如 https://hub.example.com:8443。</translation>
    </message>
    <message>
        <source>Enrollment code: &quot;%1&quot; is not used in codes (they have no 0, 1, I, L or O).</source>
        <translation>注册码：注册码中不会出现“%1”（不含 0、1、I、L、O）。</translation>
    </message>
    <message>
        <source>Enrollment code: it has %1 characters, %2 typed so far.</source>
        <translation>注册码：共 %1 个字符，已输入 %2 个。</translation>
    </message>
    <message>
        <source>Device name: at most %1 characters.</source>
        <translation>设备名称：最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Enroll with the hub</source>
        <translation>注册到中心服务器</translation>
    </message>
    <message>
        <source>An admin makes a one-time enrollment code on the hub for this site. Type the hub&apos;s address and the code; this desk then syncs with the hub.</source>
        <translation>管理员在中心服务器上为本门店生成一次性注册码。请输入中心服务器地址和注册码，之后本前台将与中心服务器同步。</translation>
    </message>
    <message>
        <source>&amp;Hub address:</source>
        <translation>中心服务器地址(&amp;H)：</translation>
    </message>
    <message>
        <source>Enrollment &amp;code:</source>
        <translation>注册码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Device name:</source>
        <translation>设备名称(&amp;D)：</translation>
    </message>
    <message>
        <source>the name given with the code</source>
        <translation>使用注册码附带的名称</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation>注册(&amp;E)</translation>
    </message>
    <message>
        <source>Asking the hub…</source>
        <translation>正在询问中心服务器…</translation>
    </message>
    <message>
        <source>Enrolling with the hub…</source>
        <translation>正在注册到中心服务器…</translation>
    </message>
    <message>
        <source>Connected: GymGate hub %1.</source>
        <translation>已连接：GymGate 中心服务器 %1。</translation>
    </message>
    <message>
        <source>Enrolled: this desk now syncs with the hub.</source>
        <translation>注册成功：本前台现在与中心服务器同步。</translation>
    </message>
    <message>
        <source>The hub refused the enrollment.</source>
        <translation>中心服务器拒绝了注册。</translation>
    </message>
</context>
<context>
    <name>gymgate::FirstRunWizard</name>
    <message>
        <source>Welcome to GymGate</source>
        <translation>欢迎使用 GymGate</translation>
    </message>
    <message>
        <source>No administrator exists yet. Create the administrator account: it manages staff accounts, products, venues and settings.</source>
        <translation>尚未创建管理员。请创建管理员账号：管理员负责管理员工账号、产品、场馆和设置。</translation>
    </message>
    <message>
        <source>at least %1 characters, letters and digits</source>
        <translation>至少 %1 个字符，须包含字母和数字</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>&amp;Name shown:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>gymgate::GateDiagnosticsPage</name>
    <message>
        <source>Slave %1 answered</source>
        <translation>从站 %1 已应答</translation>
    </message>
    <message>
        <source>Gate diagnostics</source>
        <translation>闸机诊断</translation>
    </message>
    <message>
        <source>Export frames</source>
        <translation>导出报文帧</translation>
    </message>
    <message>
        <source>gate-frames.txt</source>
        <translation>gate-frames.txt</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Release the gate for one person coming in and wait for the passage</source>
        <translation>为一人进场放行闸机，并等待通行完成</translation>
    </message>
    <message>
        <source>Release the gate for one person going out and wait for the passage</source>
        <translation>为一人出场放行闸机，并等待通行完成</translation>
    </message>
    <message>
        <source>Free passage both ways until Normal</source>
        <translation>双向自由通行，直到切回“正常”</translation>
    </message>
    <message>
        <source>Block the gate until Normal</source>
        <translation>锁闭闸机，直到切回“正常”</translation>
    </message>
    <message>
        <source>Back to normal operation</source>
        <translation>恢复正常运行</translation>
    </message>
    <message>
        <source>&amp;I/O monitor</source>
        <translation>I/O 监视(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Frames</source>
        <translation>报文帧(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Bus scan</source>
        <translation>总线扫描(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Self-test</source>
        <translation>自检(&amp;S)</translation>
    </message>
    <message>
        <source>Read the inputs continuously</source>
        <translation>持续读取输入</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Capture frames</source>
        <translation>捕获报文帧</translation>
    </message>
    <message>
        <source>Show every request and answer on the line (a busy bus prints a lot)</source>
        <translation>显示线路上的每个请求和应答（总线繁忙时输出量很大）</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Filter frames (e.g. TX, RX, 01 03)</source>
        <translation>筛选报文帧（如 TX、RX、01 03）</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Saves the frames the list shows (the filter applies), one per line</source>
        <translation>保存列表中显示的报文帧（受筛选条件影响），每行一帧</translation>
    </message>
    <message>
        <source>Slave ids &amp;from</source>
        <translation>从站地址从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <source>Start s&amp;can</source>
        <translation>开始扫描(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel scan</source>
        <translation>取消扫描</translation>
    </message>
    <message>
        <source>Ask every slave id in the range on this line; over RTU an absent id costs the answer timeout</source>
        <translation>逐一询问此线路上该范围内的每个从站地址；使用 RTU 时，每个不存在的地址都要等待一次应答超时</translation>
    </message>
    <message>
        <source>&amp;Run self-test</source>
        <translation>运行自检(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel self-test</source>
        <translation>取消自检</translation>
    </message>
    <message>
        <source>Connect, read the inputs, check the fire input, open the entry and wait for a person to pass; the result is stored on the gate</source>
        <translation>连接、读取输入、检查消防输入、打开入口并等待一人通过；结果保存在闸机上</translation>
    </message>
    <message>
        <source>Disconnected from %1.</source>
        <translation>已断开与 %1 的连接。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Open in</source>
        <translation>进场开闸</translation>
    </message>
    <message>
        <source>Open out</source>
        <translation>出场开闸</translation>
    </message>
    <message>
        <source>Free passage</source>
        <translation>自由通行</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁闭</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>%1: waiting for the gate…</source>
        <translation>%1：正在等待闸机…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Coil</source>
        <translation>线圈</translation>
    </message>
    <message>
        <source>Discrete input</source>
        <translation>离散输入</translation>
    </message>
    <message>
        <source>Holding register</source>
        <translation>保持寄存器</translation>
    </message>
    <message>
        <source>Input register</source>
        <translation>输入寄存器</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Entries counted: %1</source>
        <translation>进场计数：%1</translation>
    </message>
    <message>
        <source>Exits counted: %1</source>
        <translation>出场计数：%1</translation>
    </message>
    <message>
        <source>Fire alarm: —</source>
        <translation>消防报警：—</translation>
    </message>
    <message>
        <source>Fire alarm: ACTIVE</source>
        <translation>消防报警：已触发</translation>
    </message>
    <message>
        <source>Fire alarm: quiet</source>
        <translation>消防报警：正常</translation>
    </message>
    <message>
        <source>Tamper switch: —</source>
        <translation>防拆开关：—</translation>
    </message>
    <message>
        <source>Tamper switch: ACTIVE</source>
        <translation>防拆开关：已触发</translation>
    </message>
    <message>
        <source>Tamper switch: closed</source>
        <translation>防拆开关：闭合</translation>
    </message>
    <message>
        <source>Controller error: —</source>
        <translation>控制器错误：—</translation>
    </message>
    <message>
        <source>Controller error: none</source>
        <translation>控制器错误：无</translation>
    </message>
    <message>
        <source>Controller error: %1</source>
        <translation>控制器错误：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1  Exit: %n passed</source>
        <translation>
            <numerusform>%1  出口：已通过 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1  Entry: %n passed</source>
        <translation>
            <numerusform>%1  入口：已通过 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) not shown</source>
        <translation>
            <numerusform>%n 帧未显示</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) saved to %1.</source>
        <translation>
            <numerusform>已将 %n 帧保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Scanning slave ids %1 to %2…</source>
        <translation>正在扫描从站地址 %1 到 %2…</translation>
    </message>
    <message>
        <source>Cancelled after slave %1</source>
        <translation>在从站 %1 之后已取消</translation>
    </message>
    <message>
        <source>Cancelled before the first slave</source>
        <translation>在扫描第一个从站之前已取消</translation>
    </message>
    <message>
        <source>Found %1 of %2</source>
        <translation>找到 %1 个（共 %2 个）</translation>
    </message>
    <message>
        <source>Running the self-test… someone has to walk through the entry.</source>
        <translation>正在自检… 需要有人从入口走过。</translation>
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
        <translation>通过</translation>
    </message>
    <message>
        <source>Passed — stored on the gate</source>
        <translation>通过 — 已保存到闸机</translation>
    </message>
    <message numerus="yes">
        <source>Failed: %n step(s)</source>
        <translation>
            <numerusform>失败：%n 个步骤</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (not stored: %2)</source>
        <translation>%1（未保存：%2）</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation>%1（未保存）</translation>
    </message>
</context>
<context>
    <name>gymgate::GateEditor</name>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>区域(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>方向(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;When offline:</source>
        <translation>离线时(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Slave id:</source>
        <translation>从站地址(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Poll every:</source>
        <translation>轮询间隔(&amp;P)：</translation>
    </message>
    <message>
        <source>Answer &amp;timeout:</source>
        <translation>应答超时(&amp;T)：</translation>
    </message>
    <message>
        <source>Open p&amp;ulse:</source>
        <translation>开闸脉冲(&amp;U)：</translation>
    </message>
    <message>
        <source>Wait for the &amp;person:</source>
        <translation>等待通行时间(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Line:</source>
        <translation>线路(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Baud:</source>
        <translation>波特率(&amp;B)：</translation>
    </message>
    <message>
        <source>P&amp;arity:</source>
        <translation>校验(&amp;A)：</translation>
    </message>
    <message>
        <source>Data &amp;bits:</source>
        <translation>数据位(&amp;B)：</translation>
    </message>
    <message>
        <source>St&amp;op bits:</source>
        <translation>停止位(&amp;O)：</translation>
    </message>
    <message>
        <source>RS-485 &amp;RTS:</source>
        <translation>RS-485 RTS(&amp;R)：</translation>
    </message>
    <message>
        <source>Entry coil:</source>
        <translation>入口线圈：</translation>
    </message>
    <message>
        <source>Exit coil:</source>
        <translation>出口线圈：</translation>
    </message>
    <message>
        <source>Entry passage input:</source>
        <translation>入口通行输入：</translation>
    </message>
    <message>
        <source>Exit passage input:</source>
        <translation>出口通行输入：</translation>
    </message>
    <message>
        <source>Fire alarm input:</source>
        <translation>消防报警输入：</translation>
    </message>
    <message>
        <source>Fire contact:</source>
        <translation>消防触点：</translation>
    </message>
    <message>
        <source>Tamper input:</source>
        <translation>防拆输入：</translation>
    </message>
    <message>
        <source>Entry permission (holding):</source>
        <translation>入口通行许可（保持寄存器）：</translation>
    </message>
    <message>
        <source>Exit permission (holding):</source>
        <translation>出口通行许可（保持寄存器）：</translation>
    </message>
    <message>
        <source>Mode (holding):</source>
        <translation>模式（保持寄存器）：</translation>
    </message>
    <message>
        <source>Pass time (holding):</source>
        <translation>通行时间（保持寄存器）：</translation>
    </message>
    <message>
        <source>Entry counter (input, 2 registers):</source>
        <translation>入口计数器（输入寄存器，2 个）：</translation>
    </message>
    <message>
        <source>Exit counter (input, 2 registers):</source>
        <translation>出口计数器（输入寄存器，2 个）：</translation>
    </message>
    <message>
        <source>Error code (input):</source>
        <translation>错误代码（输入寄存器）：</translation>
    </message>
    <message>
        <source>Sensors (input):</source>
        <translation>传感器（输入寄存器）：</translation>
    </message>
    <message>
        <source>Fire bit:</source>
        <translation>消防位：</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>控制器</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Relay board addresses</source>
        <translation>继电器板地址</translation>
    </message>
    <message>
        <source>Turnstile registers</source>
        <translation>闸机寄存器</translation>
    </message>
    <message>
        <source>e.g. North entrance</source>
        <translation>例如：北入口</translation>
    </message>
    <message>
        <source>Host name or IP address</source>
        <translation>主机名或 IP 地址</translation>
    </message>
    <message>
        <source>/dev/ttyUSB0</source>
        <translation>/dev/ttyUSB0</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Look for serial ports again (after plugging in an adapter)</source>
        <translation>重新查找串口（插入适配器后使用）</translation>
    </message>
    <message>
        <source>Not wired</source>
        <translation>未接线</translation>
    </message>
    <message>
        <source>Relay: how long the coil stays on. Serial text board: the OPEN duration.</source>
        <translation>继电器：线圈保持吸合的时长。串口文本板：OPEN 命令的持续时间。</translation>
    </message>
    <message>
        <source>Keep &quot;None&quot; unless the adapter switches its transmitter with RTS.</source>
        <translation>除非适配器通过 RTS 切换发送器，否则请保持“无”。</translation>
    </message>
    <message>
        <source>Normally closed fails safe: a broken wire also opens the gates.</source>
        <translation>常闭接法更安全：断线时闸机同样会放行。</translation>
    </message>
    <message>
        <source>In (entry only)</source>
        <translation>进（仅进场）</translation>
    </message>
    <message>
        <source>Out (exit only)</source>
        <translation>出（仅出场）</translation>
    </message>
    <message>
        <source>Both ways</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Fail secure (stays locked)</source>
        <translation>故障时锁闭（保持锁定）</translation>
    </message>
    <message>
        <source>Fail open (lets people through)</source>
        <translation>故障时放行（允许人员通过）</translation>
    </message>
    <message>
        <source>Turnstile controller (Modbus registers)</source>
        <translation>闸机控制器（Modbus 寄存器）</translation>
    </message>
    <message>
        <source>Relay / IO board (Modbus coils)</source>
        <translation>继电器 / IO 板（Modbus 线圈）</translation>
    </message>
    <message>
        <source>Serial text board</source>
        <translation>串口文本板</translation>
    </message>
    <message>
        <source>None (N)</source>
        <translation>无（N）</translation>
    </message>
    <message>
        <source>Even (E)</source>
        <translation>偶校验（E）</translation>
    </message>
    <message>
        <source>Odd (O)</source>
        <translation>奇校验（O）</translation>
    </message>
    <message>
        <source>None (the adapter switches itself)</source>
        <translation>无（适配器自动切换）</translation>
    </message>
    <message>
        <source>RTS up while sending</source>
        <translation>发送时 RTS 置高</translation>
    </message>
    <message>
        <source>RTS down while sending (inverted)</source>
        <translation>发送时 RTS 置低（反相）</translation>
    </message>
    <message>
        <source>Normally open (closes on alarm)</source>
        <translation>常开（报警时闭合）</translation>
    </message>
    <message>
        <source>Normally closed (opens on alarm)</source>
        <translation>常闭（报警时断开）</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <source>Modbus TCP (network)</source>
        <translation>Modbus TCP（网络）</translation>
    </message>
    <message>
        <source>Modbus RTU (RS-485 serial)</source>
        <translation>Modbus RTU（RS-485 串口）</translation>
    </message>
    <message>
        <source>serial number %1</source>
        <translation>序列号 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>gymgate::GateServiceBanner</name>
    <message>
        <source>Emergency: every gate is free. The fire input is still active.</source>
        <translation>紧急状态：所有闸机均已放行。消防输入仍处于触发状态。</translation>
    </message>
    <message>
        <source>Emergency: every gate is free.</source>
        <translation>紧急状态：所有闸机均已放行。</translation>
    </message>
    <message>
        <source>Reset the emergency</source>
        <translation>解除紧急状态</translation>
    </message>
    <message>
        <source>The emergency can be reset once every fire input has cleared.</source>
        <translation>所有消防输入恢复正常后，才能解除紧急状态。</translation>
    </message>
    <message>
        <source>Puts every gate back into normal operation.</source>
        <translation>使所有闸机恢复正常运行。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Declare emergency…</source>
        <translation>宣布紧急状态…</translation>
    </message>
    <message>
        <source>Frees every gate at once: for a drill, or an alarm not wired to a gate.</source>
        <translation>立即放行所有闸机：用于演练，或未接入闸机的报警。</translation>
    </message>
    <message>
        <source>%1 is out of order after repeated faults.</source>
        <translation>%1 多次故障后已暂停服务。</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <source>Check the gate first. Clearing puts it back into normal operation.</source>
        <translation>请先检查闸机。恢复后闸机将回到正常运行。</translation>
    </message>
    <message>
        <source>Declare emergency</source>
        <translation>宣布紧急状态</translation>
    </message>
    <message>
        <source>Every gate will be free at once until the emergency is reset. Why?</source>
        <translation>在解除紧急状态之前，所有闸机将立即放行。原因是？</translation>
    </message>
</context>
<context>
    <name>gymgate::GatesPage</name>
    <message>
        <source>Gates</source>
        <translation>闸机</translation>
    </message>
    <message>
        <source>Import gates</source>
        <translation>导入闸机</translation>
    </message>
    <message>
        <source>Gate files (*.json);;All files (*)</source>
        <translation>闸机文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export gates</source>
        <translation>导出闸机</translation>
    </message>
    <message>
        <source>gates.json</source>
        <translation>gates.json</translation>
    </message>
    <message>
        <source>Import a gate profile</source>
        <translation>导入闸机配置</translation>
    </message>
    <message>
        <source>Gate profiles (*.json);;All files (*)</source>
        <translation>闸机配置文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export the gate profile</source>
        <translation>导出闸机配置</translation>
    </message>
    <message>
        <source>gate-profile.json</source>
        <translation>gate-profile.json</translation>
    </message>
    <message>
        <source>Filter gates</source>
        <translation>筛选闸机</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务状态</translation>
    </message>
    <message>
        <source>Last self-test</source>
        <translation>上次自检</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Controller at</source>
        <translation>控制器地址</translation>
    </message>
    <message>
        <source>When offline</source>
        <translation>离线时</translation>
    </message>
    <message>
        <source>&amp;Add gate</source>
        <translation>添加闸机(&amp;A)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>D&amp;iagnose</source>
        <translation>诊断(&amp;I)</translation>
    </message>
    <message>
        <source>Open the selected gate in the diagnostics page</source>
        <translation>在诊断页中打开所选闸机</translation>
    </message>
    <message>
        <source>&amp;Import gates…</source>
        <translation>导入闸机(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport gates…</source>
        <translation>导出闸机(&amp;X)…</translation>
    </message>
    <message>
        <source>Saves the gates the list shows (the filter applies) to a gates file</source>
        <translation>将列表中显示的闸机（受筛选条件影响）保存到闸机文件</translation>
    </message>
    <message>
        <source>Import &amp;profile…</source>
        <translation>导入配置(&amp;P)…</translation>
    </message>
    <message>
        <source>Load a profile file into the form (the gate&apos;s name and zone stay)</source>
        <translation>将配置文件载入表单（闸机名称和区域保持不变）</translation>
    </message>
    <message>
        <source>Export pro&amp;file…</source>
        <translation>导出配置(&amp;F)…</translation>
    </message>
    <message>
        <source>Save the form&apos;s profile as a file gymgate-gatectl --profile reads</source>
        <translation>将表单中的配置保存为 gymgate-gatectl --profile 可读取的文件</translation>
    </message>
    <message>
        <source>&amp;Save gate</source>
        <translation>保存闸机(&amp;S)</translation>
    </message>
    <message>
        <source>In</source>
        <translation>进</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>出</translation>
    </message>
    <message>
        <source>Both ways</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Fail open</source>
        <translation>故障时放行</translation>
    </message>
    <message>
        <source>Fail secure</source>
        <translation>故障时锁闭</translation>
    </message>
    <message>
        <source>Saved after the gate service started: it drives the gate as it was until GymGate restarts.</source>
        <translation>在闸机服务启动后保存：GymGate 重启前，闸机服务仍按原设置控制该闸机。</translation>
    </message>
    <message>
        <source>Turnstile (registers)</source>
        <translation>闸机（寄存器）</translation>
    </message>
    <message>
        <source>Relay board</source>
        <translation>继电器板</translation>
    </message>
    <message>
        <source>Serial text board</source>
        <translation>串口文本板</translation>
    </message>
    <message>
        <source>Not run here</source>
        <translation>未在本机运行</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Emergency (free passage)</source>
        <translation>紧急状态（自由通行）</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <source>Paused for diagnostics</source>
        <translation>因诊断暂停</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source> · restart needed</source>
        <translation> · 需要重启</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Passed %1</source>
        <translation>通过 %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Gate saved.</source>
        <translation>闸机已保存。</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <source>Delete gate</source>
        <translation>删除闸机</translation>
    </message>
    <message>
        <source>Delete the gate %1? Its profile is lost unless it was exported; the entry log keeps its entries.</source>
        <translation>要删除闸机 %1 吗？除非已导出，否则其配置将丢失；进场记录会保留其通行记录。</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n gate(s).</source>
        <translation>
            <numerusform>已导入 %n 个闸机。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n gate(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个闸机导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile loaded from %1; save the gate to keep it.</source>
        <translation>已从 %1 载入配置；请保存闸机以保留该配置。</translation>
    </message>
    <message>
        <source>Correct the profile before exporting it.</source>
        <translation>请先修正配置再导出。</translation>
    </message>
    <message>
        <source>Profile saved to %1.</source>
        <translation>配置已保存到 %1。</translation>
    </message>
    <message>
        <source>&amp;Try…</source>
        <translation>试用(&amp;T)…</translation>
    </message>
    <message>
        <source>Open the editor&apos;s gate in the diagnostics page as it is now, before saving it</source>
        <translation>在保存之前，按编辑器中的当前设置在诊断页面中打开此闸机</translation>
    </message>
    <message>
        <source>The list shows no gate to export. Clear the filter first.</source>
        <translation>列表中没有可导出的闸机。请先清除筛选条件。</translation>
    </message>
</context>
<context>
    <name>gymgate::ImageFileScanSource</name>
    <message>
        <source>The drop folder %1 does not exist or is not a folder.</source>
        <translation>投放文件夹 %1 不存在或不是文件夹。</translation>
    </message>
    <message>
        <source>The drop folder %1 cannot be watched.</source>
        <translation>无法监视投放文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>gymgate::KeyboardWedgeScanner</name>
    <message>
        <source>The longest pause between a scanner&apos;s keys must be between %1 and %2 ms.</source>
        <translation>扫码器按键之间的最长间隔必须在 %1 到 %2 毫秒之间。</translation>
    </message>
    <message>
        <source>The pause that ends a keyboard scan must be between %1 and %2 ms.</source>
        <translation>结束键盘扫码的停顿必须在 %1 到 %2 毫秒之间。</translation>
    </message>
    <message>
        <source>The shortest keyboard scan must be between %1 and %2 characters.</source>
        <translation>键盘扫码的最短长度必须在 %1 到 %2 个字符之间。</translation>
    </message>
    <message>
        <source>A keyboard scanner needs the graphical application; use a serial scanner.</source>
        <translation>键盘模式扫码器需要图形界面程序；请使用串口扫码器。</translation>
    </message>
</context>
<context>
    <name>gymgate::KioskPinDialog</name>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left.</source>
        <translation>
            <numerusform>PIN 码错误，还可尝试 %n 次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n seconds.</source>
        <translation>
            <numerusform>PIN 码错误次数过多，请 %n 秒后再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>No exit PIN is set. Ask a technician to set kiosk.pin_hash.</source>
        <translation>未设置退出 PIN 码，请联系技术人员设置 kiosk.pin_hash。</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>退出自助模式</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>员工 PIN 码</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>gymgate::KioskWindow</name>
    <message numerus="yes">
        <source>%1: %n visit(s) left</source>
        <translation>
            <numerusform>%1：剩余 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: balance %2 yuan</source>
        <translation>%1：余额 %2 元</translation>
    </message>
    <message>
        <source>Valid until %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <source>Your card expires today.</source>
        <translation>您的会员卡今天到期。</translation>
    </message>
    <message numerus="yes">
        <source>Your card expires in %n day(s).</source>
        <translation>
            <numerusform>您的会员卡将在 %n 天后到期。</numerusform>
        </translation>
    </message>
    <message>
        <source>Next today: %1 at %2</source>
        <translation>今天的下一个预约：%2 %1</translation>
    </message>
    <message>
        <source>Next today: %1 at %2, %3</source>
        <translation>今天的下一个预约：%2 %1，%3</translation>
    </message>
    <message>
        <source>Access granted</source>
        <translation>验证通过</translation>
    </message>
    <message>
        <source>The gate is opening...</source>
        <translation>闸机正在打开……</translation>
    </message>
    <message>
        <source>Please walk through</source>
        <translation>请通过</translation>
    </message>
    <message>
        <source>The gate is open.</source>
        <translation>闸机已打开。</translation>
    </message>
    <message>
        <source>Enjoy your workout!</source>
        <translation>祝您锻炼愉快！</translation>
    </message>
    <message>
        <source>Access denied</source>
        <translation>无法入场</translation>
    </message>
    <message>
        <source>Nobody passed</source>
        <translation>无人通过</translation>
    </message>
    <message>
        <source>Your visit was not charged.</source>
        <translation>本次入场未扣费。</translation>
    </message>
    <message>
        <source>Scan your code again when you are ready to go in.</source>
        <translation>准备好入场时请重新扫码。</translation>
    </message>
    <message>
        <source>The gate did not open</source>
        <translation>闸机未能打开</translation>
    </message>
    <message>
        <source>Your visit was not charged. Please scan again or ask the front desk.</source>
        <translation>本次入场未扣费。请重新扫码或咨询前台。</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>The gate is still letting the previous person through.</source>
        <translation>闸机正在为上一位会员放行。</translation>
    </message>
    <message>
        <source>Scan again in a moment.</source>
        <translation>请稍后再扫码。</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>暂停使用</translation>
    </message>
    <message>
        <source>Gate open</source>
        <translation>闸机常开</translation>
    </message>
    <message>
        <source>This gate cannot reach the system right now and has opened for free passage.</source>
        <translation>此闸机暂时无法连接系统，已开启自由通行。</translation>
    </message>
    <message>
        <source>Please walk through and check in at the front desk.</source>
        <translation>请直接通过，并到前台登记入场。</translation>
    </message>
    <message>
        <source>Gate offline</source>
        <translation>闸机离线</translation>
    </message>
    <message>
        <source>This gate cannot reach the system right now and stays locked.</source>
        <translation>此闸机暂时无法连接系统，保持锁闭。</translation>
    </message>
    <message>
        <source>GymGate kiosk</source>
        <translation>GymGate 自助闸机</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>gymgate::LoginDialog</name>
    <message>
        <source>GymGate: log in</source>
        <translation>GymGate：登录</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>gymgate::MembersPage</name>
    <message>
        <source>Blocked</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Search: name, phone, member no. or last 4 digits (Ctrl+F)</source>
        <translation>搜索：姓名、手机号、会员号或手机号后 4 位（Ctrl+F）</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Please enter the member&apos;s name.</source>
        <translation>请输入会员姓名。</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Photo...</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <source>New member (Ctrl+N)</source>
        <translation>新建会员（Ctrl+N）</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Reason for blocking</source>
        <translation>禁用原因</translation>
    </message>
    <message>
        <source>Issue QR code</source>
        <translation>签发二维码</translation>
    </message>
    <message>
        <source>Print member card (PDF)</source>
        <translation>打印会员卡（PDF）</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>入场记录</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>交易记录</translation>
    </message>
    <message>
        <source>QR codes</source>
        <translation>二维码</translation>
    </message>
    <message>
        <source>Card no.</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>闸机</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Booking no.</source>
        <translation>预约号</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>收据号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>会员码</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>作废时间</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>first %1</source>
        <translation>前 %1 位</translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>找到 %n 位</numerusform>
        </translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>%1 (type a new number to change it)</source>
        <translation>%1（输入新号码即可更改）</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>解除禁用</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>e.g. 13800138000</source>
        <translation>例如 13800138000</translation>
    </message>
    <message>
        <source>No QR code</source>
        <translation>暂无二维码</translation>
    </message>
    <message numerus="yes">
        <source>%n more digit(s) needed.</source>
        <translation>
            <numerusform>还需输入 %n 位数字。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a mainland China mobile number (1[3-9]xxxxxxxxx).</source>
        <translation>不是中国大陆手机号（1[3-9]xxxxxxxxx）。</translation>
    </message>
    <message>
        <source>Please enter an 11-digit mainland China mobile number, e.g. 13800138000.</source>
        <translation>请输入 11 位中国大陆手机号，例如 13800138000。</translation>
    </message>
    <message>
        <source>Member %1 registered.</source>
        <translation>会员 %1 已登记。</translation>
    </message>
    <message>
        <source>Member %1 saved.</source>
        <translation>会员 %1 已保存。</translation>
    </message>
    <message>
        <source>Member photo</source>
        <translation>会员照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>This file is not a picture: %1</source>
        <translation>此文件不是图片：%1</translation>
    </message>
    <message>
        <source>Member %1 unblocked.</source>
        <translation>会员 %1 已解除禁用。</translation>
    </message>
    <message>
        <source>Member %1 blocked: every gate refuses them now.</source>
        <translation>会员 %1 已禁用：所有闸机现在都将拒绝其入场。</translation>
    </message>
    <message>
        <source>New QR code issued for %1; earlier codes no longer open the gates.</source>
        <translation>已为 %1 签发新二维码；之前签发的码已无法打开闸机。</translation>
    </message>
    <message>
        <source>member-card-%1.pdf</source>
        <translation>会员卡-%1.pdf</translation>
    </message>
    <message>
        <source>Save member card</source>
        <translation>保存会员卡</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Member card saved to %1.</source>
        <translation>会员卡已保存到 %1。</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已注销</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已到场</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>未到场</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>售卡</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>违约金</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>已入场</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已放行</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>未通行</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>永久有效</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前有效</translation>
    </message>
    <message>
        <source>Rejected by the hub</source>
        <translation>被中心服务器拒绝</translation>
    </message>
</context>
<context>
    <name>gymgate::ModbusTesterWorker</name>
    <message>
        <source>Connected to %1, slave %2</source>
        <translation>已连接到 %1，从站 %2</translation>
    </message>
    <message>
        <source>Reading %1 (address %2) failed: %3</source>
        <translation>读取 %1（地址 %2）失败：%3</translation>
    </message>
    <message>
        <source>Cannot capture frames: %1</source>
        <translation>无法捕获报文帧：%1</translation>
    </message>
    <message>
        <source>Relay coil %1 went on, but switching it off failed: %2</source>
        <translation>继电器线圈 %1 已吸合，但断开失败：%2</translation>
    </message>
    <message>
        <source>Relay coil %1 on for %2 ms</source>
        <translation>继电器线圈 %1 吸合 %2 ms</translation>
    </message>
    <message>
        <source>Entry permission written: 1 pass</source>
        <translation>已写入入口通行许可：通行 1 次</translation>
    </message>
    <message>
        <source>Exit permission written: 1 pass</source>
        <translation>已写入出口通行许可：通行 1 次</translation>
    </message>
    <message>
        <source>Both relay coils held on: free passage</source>
        <translation>两个继电器线圈保持吸合：自由通行</translation>
    </message>
    <message>
        <source>Mode normal, both permissions free (0xFFFF) written</source>
        <translation>已写入模式“正常”，两个通行许可均设为自由 (0xFFFF)</translation>
    </message>
    <message>
        <source>Both relay coils off: locked</source>
        <translation>两个继电器线圈均已断开：锁闭</translation>
    </message>
    <message>
        <source>Mode blocked written, permissions cleared</source>
        <translation>已写入模式“锁闭”，通行许可已清除</translation>
    </message>
    <message>
        <source>Both relay coils off: normal</source>
        <translation>两个继电器线圈均已断开：正常</translation>
    </message>
    <message>
        <source>Mode normal written, permissions cleared</source>
        <translation>已写入模式“正常”，通行许可已清除</translation>
    </message>
</context>
<context>
    <name>gymgate::ProductsPage</name>
    <message>
        <source>Card products</source>
        <translation>会员卡产品</translation>
    </message>
    <message>
        <source>Filter products</source>
        <translation>筛选产品</translation>
    </message>
    <message>
        <source>Show products no longer sold</source>
        <translation>显示已停售的产品</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <source>Valid days</source>
        <translation>有效天数</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>储值（元）</translation>
    </message>
    <message>
        <source>Per visit (yuan)</source>
        <translation>单次价格（元）</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>&amp;Price (yuan):</source>
        <translation>价格（元）：</translation>
    </message>
    <message>
        <source>&amp;Valid days (0 = no expiry):</source>
        <translation>有效天数（0 = 永久有效）：</translation>
    </message>
    <message>
        <source>V&amp;isits:</source>
        <translation>次数：</translation>
    </message>
    <message>
        <source>Stored &amp;value (yuan):</source>
        <translation>储值金额（元）：</translation>
    </message>
    <message>
        <source>Price per v&amp;isit (yuan):</source>
        <translation>单次价格（元）：</translation>
    </message>
    <message>
        <source>&amp;Time windows:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <source>&amp;Zones (none = all):</source>
        <translation>区域（不选 = 全部）：</translation>
    </message>
    <message>
        <source>Any time, or e.g. [{&quot;days&quot;:&quot;1-5&quot;,&quot;from&quot;:&quot;06:00&quot;,&quot;to&quot;:&quot;12:00&quot;}]</source>
        <translation>任意时间，或如 [{&quot;days&quot;:&quot;1-5&quot;,&quot;from&quot;:&quot;06:00&quot;,&quot;to&quot;:&quot;12:00&quot;}]</translation>
    </message>
    <message>
        <source>&amp;New product</source>
        <translation>新建产品</translation>
    </message>
    <message>
        <source>&amp;Save product</source>
        <translation>保存产品</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>永久有效</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Stop &amp;selling</source>
        <translation>停售</translation>
    </message>
    <message>
        <source>Sell &amp;again</source>
        <translation>恢复销售</translation>
    </message>
    <message>
        <source>Enter the price in yuan, e.g. 300 or 299.50.</source>
        <translation>请输入以元为单位的价格，例如 300 或 299.50。</translation>
    </message>
    <message>
        <source>Enter the stored value in yuan.</source>
        <translation>请输入以元为单位的储值金额。</translation>
    </message>
    <message>
        <source>Enter the price per visit in yuan.</source>
        <translation>请输入以元为单位的单次价格。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>%1 is on sale again.</source>
        <translation>%1 已恢复销售。</translation>
    </message>
    <message>
        <source>%1 is no longer sold.</source>
        <translation>%1 已停售。</translation>
    </message>
</context>
<context>
    <name>gymgate::ReportTableModel</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>gymgate::ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>报表(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>到(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Chart:</source>
        <translation>图表(&amp;C)：</translation>
    </message>
    <message>
        <source>Export CS&amp;V</source>
        <translation>导出 CSV(&amp;V)</translation>
    </message>
    <message>
        <source>Export P&amp;DF</source>
        <translation>导出 PDF(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s) in all</source>
        <translation>
            <numerusform>共 %n 次签到</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>busiest hour %1:00 (%n check-in(s))</source>
        <translation>
            <numerusform>最忙时段 %1:00（%n 次签到）</numerusform>
        </translation>
    </message>
    <message>
        <source>Run a report first.</source>
        <translation>请先运行报表。</translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>报表无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>Export report as CSV</source>
        <translation>将报表导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export report as PDF</source>
        <translation>将报表导出为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>报表已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>gymgate::SalesPage</name>
    <message>
        <source>No expiry</source>
        <translation>永久有效</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 yuan stored, %2 yuan per visit</source>
        <translation>储值 %1 元，每次 %2 元</translation>
    </message>
    <message numerus="yes">
        <source>, valid %n day(s)</source>
        <translation>
            <numerusform>，有效期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Price: %1 yuan (%2)</source>
        <translation>价格：%1 元（%2）</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>售卡</translation>
    </message>
    <message>
        <source>Filter cards</source>
        <translation>筛选会员卡</translation>
    </message>
    <message>
        <source>Card no.</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Visits left</source>
        <translation>剩余次数</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Sell a card</source>
        <translation>售卡</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Pa&amp;yment:</source>
        <translation>支付方式：</translation>
    </message>
    <message>
        <source>S&amp;tarts:</source>
        <translation>生效日期：</translation>
    </message>
    <message>
        <source>&amp;Sell card</source>
        <translation>售卡</translation>
    </message>
    <message>
        <source>Sell the chosen card to the member (Ctrl+Enter)</source>
        <translation>向该会员出售所选会员卡（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Selected card</source>
        <translation>所选会员卡</translation>
    </message>
    <message>
        <source>Top-up in yuan</source>
        <translation>充值金额（元）</translation>
    </message>
    <message>
        <source>&amp;Top up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>&amp;Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>&amp;Unfreeze</source>
        <translation>解冻</translation>
    </message>
    <message>
        <source>Refund in yuan</source>
        <translation>退款金额（元）</translation>
    </message>
    <message>
        <source>Reason for the cancellation</source>
        <translation>注销原因</translation>
    </message>
    <message>
        <source>&amp;Cancel with refund</source>
        <translation>注销并退款</translation>
    </message>
    <message>
        <source>Save &amp;receipt PDF</source>
        <translation>保存收据 PDF</translation>
    </message>
    <message>
        <source>No member chosen: find a member first.</source>
        <translation>未选择会员：请先查找会员。</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) of the chosen member</source>
        <translation>
            <numerusform>所选会员的 %n 张会员卡</numerusform>
        </translation>
    </message>
    <message>
        <source>No card products on sale.</source>
        <translation>暂无在售的会员卡产品。</translation>
    </message>
    <message>
        <source>Cancel the card and pay money back</source>
        <translation>注销会员卡并退款</translation>
    </message>
    <message>
        <source>Only an administrator may cancel a card with a refund.</source>
        <translation>只有管理员可以注销会员卡并退款。</translation>
    </message>
    <message>
        <source>Sold %1 (card %2), receipt %3.</source>
        <translation>已售出 %1（卡号 %2），收据号 %3。</translation>
    </message>
    <message>
        <source>Topped up card %1 by %2 yuan; balance %3 yuan.</source>
        <translation>会员卡 %1 已充值 %2 元，余额 %3 元。</translation>
    </message>
    <message>
        <source>Card %1 is frozen.</source>
        <translation>会员卡 %1 已冻结。</translation>
    </message>
    <message>
        <source>Card %1 is active again.</source>
        <translation>会员卡 %1 已恢复有效。</translation>
    </message>
    <message>
        <source>Card %1 is active again, valid until %2.</source>
        <translation>会员卡 %1 已恢复有效，有效期至 %2。</translation>
    </message>
    <message>
        <source>Card %1 is cancelled; refunded %2 yuan.</source>
        <translation>会员卡 %1 已注销，已退款 %2 元。</translation>
    </message>
    <message>
        <source>There is no receipt to save yet.</source>
        <translation>暂无可保存的收据。</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>保存收据</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt %1 saved.</source>
        <translation>收据 %1 已保存。</translation>
    </message>
</context>
<context>
    <name>gymgate::SchedulePage</name>
    <message>
        <source>Gym floor</source>
        <translation>健身区</translation>
    </message>
    <message>
        <source>Studio</source>
        <translation>操房</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>球场</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>泳池</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护中</translation>
    </message>
    <message>
        <source>C&amp;ourses and classes</source>
        <translation>课程和课时</translation>
    </message>
    <message>
        <source>V&amp;enues</source>
        <translation>场馆</translation>
    </message>
    <message>
        <source>Ca&amp;lendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>排期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Advance days</source>
        <translation>可提前天数</translation>
    </message>
    <message>
        <source>Max active</source>
        <translation>有效预约上限</translation>
    </message>
    <message>
        <source>Cancel hours</source>
        <translation>取消时限（小时）</translation>
    </message>
    <message>
        <source>Penalty %</source>
        <translation>违约金 %</translation>
    </message>
    <message>
        <source>Filter venues</source>
        <translation>筛选场馆</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Empty means always open.</source>
        <translation>留空表示始终开放。</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>0 %: late cancellations are refused.</source>
        <translation>0 %：不接受逾期取消。</translation>
    </message>
    <message>
        <source>&amp;New venue</source>
        <translation>新建场馆</translation>
    </message>
    <message>
        <source>&amp;Save venue</source>
        <translation>保存场馆</translation>
    </message>
    <message>
        <source>&amp;Delete venue</source>
        <translation>删除场馆</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Ca&amp;pacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Fee per hour (yuan)</source>
        <translation>每小时费用（元）</translation>
    </message>
    <message>
        <source>Opening &amp;hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Bookable days ahead</source>
        <translation>可提前预约天数</translation>
    </message>
    <message>
        <source>Active bookings per member</source>
        <translation>每位会员的有效预约数</translation>
    </message>
    <message>
        <source>Free cancellation until (hours before)</source>
        <translation>免费取消截止（开始前小时数）</translation>
    </message>
    <message>
        <source>Late cancellation penalty</source>
        <translation>逾期取消违约金</translation>
    </message>
    <message>
        <source>Maintenance plans</source>
        <translation>维护计划</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Plan maintenance</source>
        <translation>安排维护</translation>
    </message>
    <message>
        <source>&amp;Remove plan</source>
        <translation>删除计划</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场馆</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>New &amp;course</source>
        <translation>新建课程</translation>
    </message>
    <message>
        <source>Sa&amp;ve course</source>
        <translation>保存课程</translation>
    </message>
    <message>
        <source>Delete cou&amp;rse</source>
        <translation>删除课程</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>课时</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>教练</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Course capacity</source>
        <translation>课程容量</translation>
    </message>
    <message>
        <source>&amp;Add class</source>
        <translation>添加课时</translation>
    </message>
    <message>
        <source>Delete c&amp;lass</source>
        <translation>删除课时</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>场馆</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>The venue name is missing.</source>
        <translation>缺少场馆名称。</translation>
    </message>
    <message>
        <source>Venue saved.</source>
        <translation>场馆已保存。</translation>
    </message>
    <message>
        <source>Venue deleted.</source>
        <translation>场馆已删除。</translation>
    </message>
    <message>
        <source>Choose a venue in the list.</source>
        <translation>请在列表中选择场馆。</translation>
    </message>
    <message>
        <source>Maintenance planned.</source>
        <translation>维护已安排。</translation>
    </message>
    <message>
        <source>Maintenance plan removed.</source>
        <translation>维护计划已删除。</translation>
    </message>
    <message>
        <source>Course saved.</source>
        <translation>课程已保存。</translation>
    </message>
    <message>
        <source>Course deleted.</source>
        <translation>课程已删除。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Choose a course in the list.</source>
        <translation>请在列表中选择课程。</translation>
    </message>
    <message>
        <source>Class added.</source>
        <translation>课时已添加。</translation>
    </message>
    <message>
        <source>Class deleted.</source>
        <translation>课时已删除。</translation>
    </message>
</context>
<context>
    <name>gymgate::SerialScanner</name>
    <message>
        <source>The scanner port is missing.</source>
        <translation>未指定扫码器端口。</translation>
    </message>
    <message>
        <source>The scanner baud rate must be between %1 and %2.</source>
        <translation>扫码器波特率必须在 %1 到 %2 之间。</translation>
    </message>
    <message>
        <source>The scanner data bits must be 5, 6, 7 or 8.</source>
        <translation>扫码器数据位必须是 5、6、7 或 8。</translation>
    </message>
    <message>
        <source>The scanner parity is not valid.</source>
        <translation>扫码器校验位无效。</translation>
    </message>
    <message>
        <source>The scanner stop bits must be 1, 1.5 or 2.</source>
        <translation>扫码器停止位必须是 1、1.5 或 2。</translation>
    </message>
    <message>
        <source>Choose how the scanner ends a code (CR, LF or a pause).</source>
        <translation>请选择扫码器结束一个码的方式（CR、LF 或停顿）。</translation>
    </message>
    <message>
        <source>The scanner pause that ends a code must be between %1 and %2 ms.</source>
        <translation>结束一个码的扫码器停顿必须在 %1 到 %2 毫秒之间。</translation>
    </message>
    <message>
        <source>The longest scanner code must be between 1 and %1 bytes.</source>
        <translation>扫码器码的最大长度必须在 1 到 %1 字节之间。</translation>
    </message>
    <message>
        <source>The scanner reconnect interval must be between %1 and %2 ms.</source>
        <translation>扫码器重连间隔必须在 %1 到 %2 毫秒之间。</translation>
    </message>
    <message>
        <source>The scanner on %1 cannot be opened: %2</source>
        <translation>无法打开 %1 上的扫码器：%2</translation>
    </message>
    <message>
        <source>The scanner on %1 was disconnected.</source>
        <translation>%1 上的扫码器已断开。</translation>
    </message>
    <message>
        <source>The scanner on %1 sent more than %2 bytes without ending the code; the input was discarded. Check the scanner&apos;s suffix setting.</source>
        <translation>%1 上的扫码器发送了超过 %2 字节仍未结束，输入已丢弃。请检查扫码器的后缀设置。</translation>
    </message>
</context>
<context>
    <name>gymgate::SerialTextTesterWorker</name>
    <message>
        <source>The board did not answer within %1 ms</source>
        <translation>控制板在 %1 ms 内未应答</translation>
    </message>
    <message>
        <source>nobody passed within %1 ms</source>
        <translation>%1 ms 内无人通过</translation>
    </message>
    <message>
        <source>the board did not answer within %1 ms</source>
        <translation>控制板在 %1 ms 内未应答</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>The serial line to %1 went away; reconnecting</source>
        <translation>到 %1 的串口线路已断开，正在重新连接</translation>
    </message>
    <message>
        <source>Cannot connect to %1: the serial line did not open within %2 ms</source>
        <translation>无法连接到 %1：串口线路在 %2 ms 内未打开</translation>
    </message>
    <message>
        <source>read status</source>
        <translation>读取状态</translation>
    </message>
    <message>
        <source>mode %1, fire %2</source>
        <translation>模式 %1，消防 %2</translation>
    </message>
    <message>
        <source>fire input inactive</source>
        <translation>消防输入未触发</translation>
    </message>
    <message>
        <source>fire alarm is active</source>
        <translation>消防报警已触发</translation>
    </message>
    <message>
        <source>The board answered OK</source>
        <translation>控制板应答 OK</translation>
    </message>
    <message>
        <source>open entry and passage</source>
        <translation>打开入口并等待通行</translation>
    </message>
    <message>
        <source>the board reports TIMEOUT IN: nobody passed</source>
        <translation>控制板报告 TIMEOUT IN：无人通过</translation>
    </message>
    <message>
        <source>The board did not answer STATUS within %1 ms</source>
        <translation>控制板在 %1 ms 内未应答 STATUS</translation>
    </message>
    <message>
        <source>The board is not connected</source>
        <translation>控制板未连接</translation>
    </message>
    <message>
        <source>Cancelled before the board answered</source>
        <translation>控制板应答前已取消</translation>
    </message>
    <message>
        <source>A serial-text board has no slave ids to scan.</source>
        <translation>serial-text 板没有可扫描的从站地址。</translation>
    </message>
    <message>
        <source>the session has no serial line</source>
        <translation>该会话没有串口线路</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>gymgate::ShiftReportPage</name>
    <message>
        <source>Shift report</source>
        <translation>交班报表</translation>
    </message>
    <message>
        <source>S&amp;taff:</source>
        <translation>员工：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>&amp;Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>By product</source>
        <translation>按产品</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>按支付方式</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <source>Refunded (yuan)</source>
        <translation>退款金额（元）</translation>
    </message>
    <message>
        <source>Net (yuan)</source>
        <translation>净额（元）</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n sale(s), %2 yuan; refunds %3 yuan; net %4 yuan.</source>
        <translation>
            <numerusform>%1：销售 %n 笔，%2 元；退款 %3 元；净额 %4 元。</numerusform>
        </translation>
    </message>
    <message>
        <source>Show a report first.</source>
        <translation>请先显示报表。</translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>无法将报表保存到 %1：%2</translation>
    </message>
    <message>
        <source>Export shift report</source>
        <translation>导出交班报表</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>报表已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>gymgate::StaffAccountDialog</name>
    <message>
        <source>Add a staff account</source>
        <translation>添加员工账号</translation>
    </message>
    <message>
        <source>Edit a staff account</source>
        <translation>编辑员工账号</translation>
    </message>
    <message>
        <source>at least %1 characters, letters and digits</source>
        <translation>至少 %1 个字符，须包含字母和数字</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>&amp;Name shown:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>初始密码：</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>gymgate::StaffPage</name>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Filter by user name, name, role or status</source>
        <translation>按用户名、姓名、角色或状态筛选</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>&amp;My password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>已添加 %1（%2）。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>%1 may log in again.</source>
        <translation>%1 已可重新登录。</translation>
    </message>
    <message>
        <source>%1 can no longer log in.</source>
        <translation>%1 已无法登录。</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>%1 的新密码</translation>
    </message>
    <message>
        <source>The password of %1 was reset.</source>
        <translation>%1 的密码已重置。</translation>
    </message>
    <message>
        <source>Delete a staff account</source>
        <translation>删除员工账号</translation>
    </message>
    <message>
        <source>Delete the account %1? Its entries in the audit log stay.</source>
        <translation>删除账号 %1？其在审计日志中的记录将保留。</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
<context>
    <name>gymgate::StaffPasswordDialog</name>
    <message>
        <source>at least %1 characters, letters and digits</source>
        <translation>至少 %1 个字符，须包含字母和数字</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>确认新密码：</translation>
    </message>
    <message>
        <source>&amp;Save password</source>
        <translation>保存密码</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>gymgate::SyncEngine</name>
    <message>
        <source>Another GymGate process syncs this database.</source>
        <translation>另一个 GymGate 进程正在同步此数据库。</translation>
    </message>
    <message>
        <source>A sync round is already running.</source>
        <translation>已有一轮同步正在进行。</translation>
    </message>
    <message>
        <source>This desk is not enrolled with a hub.</source>
        <translation>本前台尚未注册到中心服务器。</translation>
    </message>
    <message>
        <source>The hub could not be reached.</source>
        <translation>无法连接中心服务器。</translation>
    </message>
    <message>
        <source>Card %1 was used at more than one site while offline and is overdrawn (visits left %2, balance %3 fen).</source>
        <translation>会员卡 %1 在离线期间于多个门店使用，已透支（剩余次数 %2，余额 %3 分）。</translation>
    </message>
    <message>
        <source>The hub rejected booking %1: the venue or class is full or the time overlaps.</source>
        <translation>中心服务器拒绝了预约 %1：场馆或课时已满，或时间冲突。</translation>
    </message>
    <message>
        <source>The sync service has not started.</source>
        <translation>同步服务尚未启动。</translation>
    </message>
    <message>
        <source>This desk is already enrolled with a hub.</source>
        <translation>本前台已注册到中心服务器。</translation>
    </message>
    <message>
        <source>The hub credentials could not be read.</source>
        <translation>无法读取中心服务器凭据。</translation>
    </message>
    <message>
        <source>The desk is syncing right now; try again in a moment.</source>
        <translation>前台正在同步，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>gymgate::SyncPage</name>
    <message>
        <source>Syncing with the hub…</source>
        <translation>正在与中心服务器同步…</translation>
    </message>
    <message>
        <source>Working offline: nothing goes to the hub until this is switched off.</source>
        <translation>离线工作：关闭此选项之前，不会向中心服务器发送任何数据。</translation>
    </message>
    <message>
        <source>Back online: syncing with the hub.</source>
        <translation>已恢复在线：正在与中心服务器同步。</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>中心服务器</translation>
    </message>
    <message>
        <source>Hub address:</source>
        <translation>中心服务器地址：</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>门店：</translation>
    </message>
    <message>
        <source>This device:</source>
        <translation>本设备：</translation>
    </message>
    <message>
        <source>Waiting to send:</source>
        <translation>待发送：</translation>
    </message>
    <message>
        <source>Refused by the hub:</source>
        <translation>被拒绝的事件：</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>上次同步：</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>上次错误：</translation>
    </message>
    <message>
        <source>Live updates:</source>
        <translation>实时更新：</translation>
    </message>
    <message>
        <source>Next attempt:</source>
        <translation>下次重试：</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Work offline</source>
        <translation>离线工作(&amp;W)</translation>
    </message>
    <message>
        <source>Stop talking to the hub (for example on a metered connection). The desk and the gates keep working; everything is sent when this is switched off.</source>
        <translation>停止与中心服务器通信（例如使用按流量计费的网络时）。前台和闸机照常工作；关闭此选项后，所有数据都会发送。</translation>
    </message>
    <message>
        <source>&amp;Enroll with a hub…</source>
        <translation>注册到中心服务器(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Unenroll…</source>
        <translation>取消注册(&amp;U)…</translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation>被拒绝的事件</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>丢弃(&amp;D)…</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <source>Show ac&amp;knowledged</source>
        <translation>显示已确认(&amp;K)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>自 %1 起离线</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>not enrolled: this desk works alone</source>
        <translation>未注册：本前台独立工作</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 个事件</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1，由 %2 确认</translation>
    </message>
    <message>
        <source>Card overdrawn</source>
        <translation>会员卡透支</translation>
    </message>
    <message>
        <source>Booking refused</source>
        <translation>预约被拒绝</translation>
    </message>
    <message>
        <source>Data conflict</source>
        <translation>数据冲突</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Event %1 (%2)
At %3 by %4
Refused at %5: %6</source>
        <translation>事件 %1（%2）
%3 由 %4 操作
%5 被拒绝：%6</translation>
    </message>
    <message>
        <source>the system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>This desk is enrolled with the hub.</source>
        <translation>本前台已注册到中心服务器。</translation>
    </message>
    <message>
        <source>Unenroll from the hub</source>
        <translation>从中心服务器取消注册</translation>
    </message>
    <message>
        <source>Stop syncing with %1? Local data and the events waiting to be sent stay here; enrolling again needs a new code from the hub.</source>
        <translation>停止与 %1 同步？本地数据和待发送的事件会保留在本机；重新注册需要中心服务器提供新的注册码。</translation>
    </message>
    <message>
        <source>This desk no longer syncs with the hub.</source>
        <translation>本前台已不再与中心服务器同步。</translation>
    </message>
    <message>
        <source>The event is queued again and goes to the hub with the next sync.</source>
        <translation>该事件已重新排队，将在下次同步时发送到中心服务器。</translation>
    </message>
    <message>
        <source>Discard a refused event</source>
        <translation>丢弃被拒绝的事件</translation>
    </message>
    <message>
        <source>Discard this event for good? The hub never gets it; the audit log records that you discarded it.</source>
        <translation>永久丢弃此事件？中心服务器将不会收到它；审计日志会记录您丢弃了该事件。</translation>
    </message>
    <message>
        <source>The refused event was discarded.</source>
        <translation>被拒绝的事件已丢弃。</translation>
    </message>
    <message>
        <source>Conflict acknowledged.</source>
        <translation>冲突已确认。</translation>
    </message>
</context>
<context>
    <name>gymgate::SyncService</name>
    <message>
        <source>The desk could not leave the hub.</source>
        <translation>前台未能从中心服务器取消注册。</translation>
    </message>
    <message>
        <source>The refused event %1 does not exist.</source>
        <translation>被拒绝的事件 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>gymgate::SyncStatusLabel</name>
    <message>
        <source>Not enrolled</source>
        <translation>未注册</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <source>Sync off</source>
        <translation>同步已关闭</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>自 %1 起离线</translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n 条待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n 条被拒绝</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced by another GymGate process</source>
        <translation>由另一个 GymGate 进程同步</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Ready. Scan or type a member code, one per line (Ctrl+D ends).</source>
        <translation>就绪。请扫描或输入会员码，每行一个（按 Ctrl+D 结束）。</translation>
    </message>
</context>
</TS>
