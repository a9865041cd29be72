"""Messages of class mode (prefix "classroom.")."""

EN = {
    "classroom.title": "Class mode: everyone guesses, then the model answers",
    "classroom.lead": (
        "The teacher starts a class and shows its code. Students join from their phones with the code — no "
        "accounts. For each question everyone guesses first; then the teacher reveals the class's guesses next "
        "to what the model really computes."),
    "classroom.teacher.header": "I am the teacher",
    "classroom.lesson": "Lesson",
    "classroom.start": "Start a class",
    "classroom.student.header": "I am a student",
    "classroom.code": "Class code (on the teacher's screen)",
    "classroom.nickname": "Nickname (optional, at most 24 characters)",
    "classroom.join": "Join",
    "classroom.error": "{err}",
    "classroom.code.show": "Class code: **{code}**",
    "classroom.link": "Students open {url} — or scan the code — and type the class code.",
    "classroom.qr": "Scan to join",
    "classroom.students": "{n} students joined",
    "classroom.progress": "Question {i} of {n}",
    "classroom.answered": "answered",
    "classroom.answered.value": "{a} of {n}",
    "classroom.reveal": "Reveal the answers",
    "classroom.next": "Next question",
    "classroom.back": "Previous question",
    "classroom.end": "End the class",
    "classroom.ended": "The class has ended. Start a new one for another group.",
    "classroom.csv": "Download the answers (CSV)",
    "classroom.png": "The chart's camera button saves it as a PNG picture.",
    "classroom.show_page": "Open this question's page",
    "classroom.chart.class": "The class guessed",
    "classroom.chart.model": "The model computes",
    "classroom.chart.share": "share of the class (%)",
    "classroom.model_answer": "The model's answer: **{answer}**",
    "classroom.you.joined": "You are in class {code} as **{name}**.",
    "classroom.you.send": "Send my guess",
    "classroom.you.sent": "Your guess: **{answer}**. You can change it until the teacher reveals the answers.",
    "classroom.you.wait": "Waiting for the teacher to reveal the answers …",
    "classroom.you.right": "You guessed right: {answer}.",
    "classroom.you.wrong": "You guessed {guess}; the model says {answer}.",
    "classroom.you.none": "You did not guess this time.",
    "classroom.leave": "Leave the class",
    "classroom.down.start": (
        "The class's storage is not answering, so no class can be started right now. Try again in a minute; "
        "if it keeps happening, tell whoever runs this server."),
    "classroom.down.join": "The class's storage is not answering, so you cannot join right now. Try again in a moment.",
    "classroom.down.student": (
        "The class's storage is not answering right now. This screen shows the last question it had. A guess "
        "you send is kept on this screen and sent as soon as storage answers."),
    "classroom.down.kept": "Your guess **{answer}** is kept and will be sent as soon as storage answers.",
    "classroom.down.lost": "Your kept guess **{answer}** could not be counted: {err}",
    "classroom.down.teacher": (
        "The class's storage is not answering right now. The class and every stored answer are kept. "
        "Students with a guess waiting to be sent: {n}. The buttons work again as soon as storage answers."),
    "classroom.down.action": "The class's storage is not answering, so that did not happen. Try again in a moment.",
    "classroom.down.csv": "The answers can be downloaded again once storage answers.",
    "classroom.follows": "This screen follows the teacher: it changes when the class moves on.",
    "classroom.more": "How class mode works",
    "classroom.more.text": (
        "- Classes, students and answers are kept in a database: a SQLite file on this server by default, or "
        "PostgreSQL when the server has `DATABASE_URL` set (needed when several copies of the app serve one "
        "class). A class ends {hours} hours after it started, and is then deleted.\n"
        "- Each student answers each question once; a second answer replaces the first, until the reveal.\n"
        "- The model's numbers are computed live, the same way as on the lesson's own pages."),
}

ZH = {
    "classroom.title": "课堂模式：大家先猜，再看模型的回答",
    "classroom.lead": "老师开一个课堂并展示课堂码。学生用手机输入课堂码加入——不需要账号。每道题大家先猜；然后老师把全班的猜测和模型真正算出来的结果并排展示出来。",
    "classroom.teacher.header": "我是老师",
    "classroom.lesson": "课程",
    "classroom.start": "开始一个课堂",
    "classroom.student.header": "我是学生",
    "classroom.code": "课堂码（在老师的屏幕上）",
    "classroom.nickname": "昵称（可选，最多 24 个字符）",
    "classroom.join": "加入",
    "classroom.error": "{err}",
    "classroom.code.show": "课堂码：**{code}**",
    "classroom.link": "学生打开 {url}——或扫描二维码——然后输入课堂码。",
    "classroom.qr": "扫码加入",
    "classroom.students": "已有 {n} 名学生加入",
    "classroom.progress": "第 {i} 题，共 {n} 题",
    "classroom.answered": "已作答",
    "classroom.answered.value": "{a} / {n}",
    "classroom.reveal": "揭晓答案",
    "classroom.next": "下一题",
    "classroom.back": "上一题",
    "classroom.end": "结束课堂",
    "classroom.ended": "课堂已结束。为另一组学生开一个新的课堂吧。",
    "classroom.csv": "下载作答记录（CSV）",
    "classroom.png": "点图表上的相机按钮，可以把它存成 PNG 图片。",
    "classroom.show_page": "打开这道题对应的页面",
    "classroom.chart.class": "全班的猜测",
    "classroom.chart.model": "模型算出的结果",
    "classroom.chart.share": "全班所占比例（%）",
    "classroom.model_answer": "模型的答案：**{answer}**",
    "classroom.you.joined": "你以 **{name}** 的身份加入了课堂 {code}。",
    "classroom.you.send": "提交我的猜测",
    "classroom.you.sent": "你的猜测：**{answer}**。在老师揭晓答案之前，你还可以改。",
    "classroom.you.wait": "等待老师揭晓答案……",
    "classroom.you.right": "你猜对了：{answer}。",
    "classroom.you.wrong": "你猜的是 {guess}；模型说是 {answer}。",
    "classroom.you.none": "这次你没有猜。",
    "classroom.down.start": "课堂的存储暂时没有回应，所以现在开不了新课堂。请过一分钟再试；如果一直这样，请告诉管理这台服务器的人。",
    "classroom.down.join": "课堂的存储暂时没有回应，所以现在加入不了。请稍后再试。",
    "classroom.down.student": "课堂的存储暂时没有回应。这个屏幕显示的是它最后收到的那道题。你现在提交的猜测会先保存在这个屏幕上，存储一恢复就自动发送。",
    "classroom.down.kept": "你的猜测 **{answer}** 已保存，存储一恢复就会发送。",
    "classroom.down.lost": "你保存的猜测 **{answer}** 没能计入：{err}",
    "classroom.down.teacher": "课堂的存储暂时没有回应。课堂和已经存下的所有答案都还在。等待发送猜测的学生：{n} 名。存储一恢复，按钮就能继续用。",
    "classroom.down.action": "课堂的存储暂时没有回应，所以刚才的操作没有生效。请稍后再试。",
    "classroom.down.csv": "存储恢复后就可以再次下载答案。",
    "classroom.leave": "离开课堂",
    "classroom.follows": "这个屏幕跟着老师走：全班进入下一题时，它会自动变化。",
    "classroom.more": "课堂模式是怎样工作的",
    "classroom.more.text": (
        "- 课堂、学生和答案都存在数据库里：默认是这台服务器上的一个 SQLite 文件；服务器设置了 `DATABASE_URL` 时用 PostgreSQL"
        "（当同一个课堂由应用的多个副本提供服务时需要）。课堂在开始 {hours} 小时后结束并被删除。\n"
        "- 每个学生每道题回答一次；在揭晓之前，第二次回答会替换第一次。\n"
        "- 模型的数字是实时计算的，和课程各页面上的算法相同。"),
}
