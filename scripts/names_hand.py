"""Hand-curated name lists merged by scripts/build_names.py.

Every list is whitespace-separated; `_` joins the words of one name (`عبد_الله` is `عبد الله`). Names are
written in their usual spelling: rasid folds أ إ آ → ا, ى → ي, ة → ه, harakat and tatweel, so no
variant that differs only by those needs listing. Names here are always kept, whatever their frequency.
"""

# Arabic given names, male: the classical and modern names of the Arab world.
ARABIC_MALE = """
آدم أبان أدهم أديب أرشد أسامة أسعد أسيد أشرف أصيل أكرم أمجد أمين أنس أنور أنيس أوس أيمن أيهم أيوب
إبراهيم إدريس إسحاق إسماعيل إلياس إياد إيهاب
باسل باسم باقر بدر بدري بديع براء برهان بسام بشار بشير بكر بكري بلال بهاء بهجت بهيج
تامر تركي تقي تمام تميم توفيق تيسير
ثابت ثامر ثائر
جابر جاسر جاسم جعفر جلال جمال جمعة جميل جهاد جواد جودت
حاتم حارث حازم حافظ حامد حبيب حجاج حذيفة حسام حسان حسن حسني حسين حكمت حكيم حلمي حمدان حمدي حمزة حمود حمد حميد حنفي
خالد خزعل خضر خضير خلدون خلف خليفة خليل خميس خيري
داود دريد دياب
ذياب ذيب
رائد راتب راجح راجي راشد راضي رافع رافت رامز رامي ربيع رجب رزق رشاد رشيد رضا رضوان رعد رفعت رفيق رمزي رمضان رياض ريان
زاهر زاهي زايد زكريا زكي زهير زياد زيد زين
سالم سامح سامر سامي سعد سعود سعيد سفيان سلام سلطان سلمان سليم سليمان سمير سنان سهيل سيف
شادي شاكر شامل شاهر شريف شفيق شكري شوقي
صابر صادق صافي صالح صباح صبحي صبري صخر صدام صفوان صقر صلاح صهيب
ضرار ضياء
طارق طالب طاهر طلال طه
ظافر ظاهر
عادل عارف عاصم عاطف عاكف عامر عايد عباس عبود عثمان عدنان عدي عزام عزت عزمي عزيز عصام عطا علاء علي عماد عمار عمر عمران عمرو عوض عوني عياد عيسى
غازي غالب غانم غسان
فؤاد فاتح فادي فارس فاروق فاضل فالح فايز فتحي فراس فرج فرحان فريد فهد فهمي فواز فوزي فيصل
قاسم قتيبة قحطان قصي قيس
كاظم كامل كرم كريم كمال كنان
لبيب لطفي لؤي ليث
مأمون ماجد مازن ماهر مالك مؤمن مؤيد مبارك مثنى مجدي مجيد محسن محمد محمود مختار مدحت مراد مرتضى مرعي مروان مسعود مشعل مصطفى مصعب مطلق معاذ معتز معن معين مفيد مقداد ممدوح منذر منصور منير مهدي مهند موسى موفق مؤنس ميسرة
نادر ناصر نافع نائل نايف نبيل نبيه نجيب نديم نزار نزيه نصر نصري نضال نعمان نعيم نمر نهاد نواف نوح نوري نور
هادي هارون هاشم هاني هشام هلال همام هيثم
وائل واثق وجدي وجيه وسام وسيم وصفي وضاح وعد وفيق وليد
ياسر ياسين يحيى يزن يزيد يعقوب يوسف يونس
أحمد أكثم أنمار إحسان إسلام إيمن
بدر_الدين بهاء_الدين تاج_الدين تقي_الدين جمال_الدين حسام_الدين خير_الدين زين_الدين زين_العابدين سعد_الدين
سيف_الدين سيف_الإسلام شرف_الدين شمس_الدين شهاب_الدين صلاح_الدين ضياء_الدين عز_الدين علاء_الدين عماد_الدين
فخر_الدين كمال_الدين محيي_الدين نجم_الدين نصر_الدين نور_الدين ناصر_الدين حسب_الله جار_الله خير_الله
عطا_الله فتح_الله فضل_الله نصر_الله ضيف_الله عوض_الله جاب_الله
أبو_بكر
"""

# Gulf, Iraqi, Levantine, Yemeni and Maghrebi forms the press writes as given names.
ARABIC_MALE_REGIONAL = """
بندر تركي خالد سطام سعود عبود فهد فيحان مطلق متعب محسن مشاري مقرن منصور نواف نهار هزاع
جاسم حمد ذياب راشد سيف شخبوط طحنون عيسى مبارك مكتوم هزاع حمدان منصور زايد سلطان
عدي قصي مقتدى نوري هادي حيدر عمار فالح ثامر عقيل كريم أياد هوشيار عباس قيس عواد رحيم
مثال كاظم جبار ستار غفار فاضل حميد رشيد صباح نجم شاكر خضير جواد محسن ماجد لؤي عزت
ضرغام علوان مزهر حمودي كريم
أحمد فخري ميشيل ميشال إيلي بيار جبران سمير نبيه وليد أمين سليم رفيق نجيب فؤاد ميشيل جوزيف
طوني وديع جورج إميل إدمون بطرس جرجس حنا يوحنا عبده شربل فرنسيس نقولا نصري رياض مخايل
مروان نادر عوني كمال منيف عبده هاشم
يحيى عبده محسن صادق علي أحمد حسين شايف قائد ناجي مهدي
امحمد أمحمد بلقاسم رابح مولود عبد_القادر الهادي الطاهر الباجي المنصف المنجي الحبيب
"""

# Arabic given names, female.
ARABIC_FEMALE = """
آلاء آمال آمنة آية أروى أريج أسماء أسيل أصالة أفنان أمل أميرة أمينة أنوار أنيسة إسراء إلهام إيمان إيناس إيمان
بتول بثينة بسمة بشرى بلقيس بيان
تغريد تسنيم تهاني
ثريا
جنى جهان جميلة جمانة جيهان
حلا حليمة حنان حنين حياة حورية حسناء حصة
خديجة خلود خولة
دالية دانة دعاء دلال ديما دينا
ذكرى
رانيا رباب رحاب رحمة رزان رشا رغد رغدة رقية رنا رنيم رهف روان روضة ريم ريما ريهام
زبيدة زكية زهراء زهرة زينب زينة
سارة سامية سجى سحر سعاد سعدية سكينة سلمى سلوى سماح سمر سمية سميرة سناء سهام سهى سهير سوسن سيرين
شادية شذى شريفة شروق شيماء شيرين
صابرين صباح صفاء صفية
ضحى
عائشة عبلة عبير عزة علياء عفاف عواطف عهد
غادة غدير غزل غفران
فاتن فاطمة فايزة فتحية فجر فدوى فرح فريدة فوزية فيروز
قمر
كريمة كوثر
لارا لانا لبنى لطيفة لمى لميس لنا لينا ليلى ليندا
مايا مديحة مرام مروة مريم مزنة مليكة منار منال منى مها مي ميادة ميار ميس ميساء ميسون
نادية نجلاء نجوى نجاة ندى نرمين نسرين نسمة نعيمة نهى نهلة نوال نور نورا نورة نوف
هالة هاجر هبة هدى هديل هند هنادي هيا هيفاء
وداد وعد وفاء ولاء
ياسمين يسرى
صفاء_الدين نور_الهدى
"""

# More Arabic given names, male and female, including names picked by hand from the arabnamer-names
# entries that are given names (أحلام، حسنين، طلعت، مبخوت).
ARABIC_MORE = """
أغيد بادي باهر بدران بركات بسيم بشر تحسين جبر جبرائيل جبريل جدعان جراح حاكم حسنين حسيب حفظي حماد
حمادة حيدر خطاب داوود دحام دخيل ذاكر راغب رباح رجائي رحيم رسلان رشدي رفاعة رماح روحي زاهد زهدي زيدان
ساجد ساهر سائد سرحان سعدون سعدي سلامة سمعان سميح شاهين شبلي شحادة شحاتة شكيب شوكت صائب صفوت ضاري
ضرغام طلعت طراد عابد عاشور عايض عباد عبادة عبيد عتبة عدلي عزمي عصمت عطية عفيف عقيل عكرمة علوان عليان
عواد عودة غطاس غيث فاخر فايق فخري فرحات فضل فضيل فكري فلاح فياض قدري قيصر كاسر كايد لقمان متعب مجاهد
محجوب محرز محفوظ مرهف مشهور مشتاق مصباح مطر معتصم معتمد مهيب ميسر ناجي ناظم نافذ ناصيف نبهان نجم نشأت
نصوح نظمي يسري يسار حفص طلحة قتادة عنترة خلفان مبخوت منتصر منتظر عياش عكاشة حنيف سعدان علام خورشيد
إعجاز إقبال
أحلام ألطاف إنصاف أسمهان أنغام أنهار بارعة بدرية بهية تماضر جليلة جنان جود حفصة حميدة حسنية خيرية
دعد رجاء رحيمة رفيقة رندة روعة زهور زمزم سعدى سلافة سميحة شهد صبرية صديقة عتاب عزيزة عطاف عفراء علا
فتون فضيلة فلك كلثوم كفاح لبيبة لجين لمياء مارية ملك نبيلة نجود نزيهة نظيرة نفيسة نوارة هيام وجدان
وصال يمنى يارا ريتا ميرفت جورجيت ربيعة
"""

# Kurdish, Turkish, Iranian, Afghan and Pakistani given names as the Arabic press writes them.
REGION_GIVEN = """
آزاد آرام آلان برهم بافل بختيار بيشوا جلال دلشاد ديار ريبوار زانا سربست سردار سرهنك شيركو شفان كاوا
كوسرت لاهور مسرور نيجيرفان نوزاد هفال هوشيار هيرو قباد كاروان دلوفان سيبان ريناس روجين روناهي هيفي
بيريفان جيان زيلان هفين بروين نوروز فرهاد شيرزاد آسو هيمن كمال جوان شاهو ريدور مظلوم إلهام
ريزان سيامند زكي ياسين صالح
رجب طيب مولود جاويش دولت بولنت خلوصي هاكان نعمان مراد أوزغور سلجوق أرطغرل أورهان تانسو ميرال تورغوت
عصمت نجدت فاتح بوراك إمره أيدين إلنور أوغور أونور أوزان غوكهان سرحات ليفنت كنعان يشار إيلكر تشاغلار
أكرم دوغان بكير بيرات سليمان علي سنان
أكبر أصغر جواد باقر صادق مهدي مجتبى مرتضى رضا كاظم محسن حميد مجيد فرهاد بهزاد شهرام داريوش كوروش
بهرام رستم سهراب أردشير جمشيد فريدون منوشهر هوشنك كيوان بابك آرش أميد بيجن برويز فرزاد فرشاد شاهين
شهاب رامين سيامك مهران مهرداد كامران كيومرث سياوش خسرو شاهرخ أفشين حشمت عزت_الله نعمت_الله
روح_الله حبيب_الله علي_رضا غلام_رضا غلام_حسين محمد_رضا محمد_جواد محمد_باقر علي_أكبر علي_أصغر
حسن_علي إسماعيل قاسم عباس إبراهيم مسعود نرجس زهرة معصومة شيرين فرح نسرين مهسا فائزة شهناز مرضية
طاهرة منيرة مهناز نازنين آزاده سيمين نيلوفر شهلا فريبا مينا
عمران نواز بينظير آصف شهباز ذو_الفقار أشرف حامد قلب_الدين برهان_الدين أمر_الله عطا_محمد
"""

# عبد compounds: عبد + one of the names of God, or a name honoured in Shia use. Each is written with a
# space; the joined form (عبدالله) is added by the build when the press uses it (it is in wordfreq).
ABD_COMPOUNDS = """
الله الرحمن الرحيم الملك القدوس السلام المؤمن المهيمن العزيز الجبار المتكبر الخالق البارئ المصور
الغفار القهار الوهاب الرزاق الفتاح العليم القابض الباسط الخافض الرافع المعز السميع البصير الحكم
العدل اللطيف الخبير الحليم العظيم الغفور الشكور العلي الكبير الحفيظ المقيت الحسيب الجليل الكريم
الرقيب المجيب الواسع الحكيم الودود المجيد الباعث الشهيد الحق الوكيل القوي المتين الولي الحميد
المحسن المعطي الحي القيوم الواحد الأحد الصمد القادر المقتدر الأول الآخر الظاهر الباطن الوالي
المتعال البر التواب المنعم الغني المغني الهادي البديع الباقي الوارث الرشيد الصبور النور الرؤوف
الإله الرازق العال العاطي المطلب المولى الناصر المنعم الستار الحافظ الكافي الجواد العليم المنان
المالك المقصود الدايم العفو المعين
الأمير الحسين الحسن الزهرة الرضا الرسول النبي المهدي الكاظم الصاحب الجليل علي
الرحمان ربه الإله اللاه
"""

# Foreign given names as the Arabic press writes them: English, French, German, Spanish, Italian,
# Portuguese, Slavic, Greek, Nordic, Dutch, Hebrew, African, Latin American, Indian and East Asian.
# Where the press uses two spellings (سيرغي and سيرجي), both are listed.
FOREIGN_GIVEN = """
آرون آلان آلن آن آنا آندي آندرو آني أدولف أدريان ألبرت ألبرتو ألفريد ألفريدو ألكسندر
ألكسندرا ألكسندر ألكسي أليكسي ألكسندر ألان أليس أليساندرو أليكس أليكسندر أليخاندرو أماندا أمبرتو
أنتوني أنتونيو أنجيلا أنجيلينا أندرو أندريا أندريه أندريس أندرس أندريه أندريا أنطونيو أنطوان
أوسكار أوليفر أوليفييه أولاف أولغا أوليغ أورسولا أولريكه أوزوالدو إدوارد إدواردو إريك إريكا إيفا
إيفان إيفانكا إيغور إيلينا إيليا إيمانويل إيما إيمي إيرين إيزابيل إيزابيلا إيان إينيس إيهود
إسحق إيغال أرييل أفيغدور أفيف أوري أوريت إيلي إيتمار إيلان يائير يوآف بيني بنيامين بيني غادي غابي
شاؤول شمعون شيمون موشيه يتسحاق إسحاق يوسي يعلون تسيبي ميري ياريف نفتالي أييليت غلعاد غيدعون داني
بيرتس عوزي يولي يعقوب إفرايم ديفيد أهارون آفي رؤوفين زئيف يهودا ليئا يهوشوا حاييم مناحم غولدا
بتسلئيل إيتامار أوفير تساحي رافي شلومو دوف ميخائيل أمير
باراك باسكال باتريك باتريشيا باربرا باولا باولو بافل بطرس بوب بوريس بول بولا بوليت بيتر بيتا بيل
بيلي بيير بيترو بيترا بيرني بيت بيتي بيورن بن برنارد برنار برنت برناردو برونو بريان برايان بريجيت
بريت بريندان بنجامين بيانكا بيدرو بيب بيبي
تاتيانا تشارلز تشاك تشيلسي تارو توبي تود توم توماس تومي توني تيد تيري تيريزا تيلور تيم تيموثي
تيودور ثيو ثيودور
جاريد جاك جاكلين جاكوب جان جانيت جانيس جاي جايمس جاستن جاسيندا جانيت جايسون جيسون جوزيف جوزيه
جوزيبي جوزيبي جو جوان جوانا جوديث جودي جورج جورجيا جورجيو جورجينا جوش جوشوا جوليا جوليان جوليانا
جولي جون جوناثان جيم جيمس جيمي جين جينيفر جيف جيفري جيرالد جيرار جيرهارد جيريمي جيروم
جيسيكا جيل جيليان جينا جيني جيوفاني جاكوبو
خافيير خوان خوسيه خوليو خورخي خيسوس خوسيب خوليان
دارين داريو داريا دافيد دان دانا داني دانيال دانييل دانيلو داود دايفيد ديبورا ديفيد ديف ديك ديلما
ديميتري دميتري ديمتري دينيس دونالد دوغلاس دوروثي دومينيك ديان ديانا دييغو ديدييه ديرك دانتي ديلان
راؤول رافائيل رافاييل رالف رامون راندي راي رايان ريان ريتشارد ريك ريكاردو رينيه روبرت روبرتو روبن
روجر رودريغو رودولف رودي رولان رومان رونالد روزا روزالين روس روسلان روي ريبيكا ريتا ريجينا ريشي
ريموند ريمون رينو ريناتو ريتشي رينزو رون رونان ريكس
زاك زاكاري زيغمار زيغفريد زينيدين زوران زبيغنيو
سابين سارا ساره سالي سام سامانثا سامويل صموئيل سامي ساندرا سانجاي سانا ساندي سباستيان سيباستيان
ستانلي ستيف ستيفن ستيفان ستيفاني ستيوارت سفين سكوت سلفادور سلوبودان سوزان سوزانا سونيا سيرغي سيرجي
سيرجيو سيلفيو سيلفيا سيمون سيمونيتا سيغمار سيندي سيسيل سوفي سوفيا سفيتلانا سيد سيدني سيسي سانتياغو
شارل شارلوت شارلين شاك شانتال شون شيريل شيلا شيري شينزو شي
غابرييل غاري غافين غاي غاريث غراهام غرانت غريغوري غريغ غودلاك غوردون غونتر غوستاف غوستافو غيرهارد
غيدو غيورغي غيلبرت غيوم غي غابي غولدا غينادي غوران
فاسيلي فالنتين فالنتينا فالتر فاليري فاليريا فان فانيسا فرانك فرانكو فرانسيس فرانسوا فرانسواز
فرانسيسكو فرانز فرديناند فريدريش فريدريك فلاديمير فلاديسلاف فولوديمير فيكتور فيكتوريا فيليب فيليبي
فيليكس فيرا فيرناندو فرناندو فيديريكا فيديريكو فيتالي فيدل فيرنر فولكر فينسنت فيولا فاكلاف فيكتور
كارل كارلا كارلو كارلوس كارمن كارولين كاترين كاثرين كاثي كاتي كاتيا كاميلا كامالا كانديس كريس
كريستيان كريستيانو كريستين كريستينا كريستوفر كريستوف كريغ كريم كلارا كلاوس كلود كلوديا كلير كلينت
كمالا كوفي كولن كونراد كونستانتين كيث كيفن كيلي كيم كيت كيري كيرستن كيليان كاي كاميرون كورت
كوري كلاوديو كلوديو كاتالينا كريستالينا كيشور كوندوليزا
لاري لاورا لارس لوران لورا لورانس لورنزو لويد لويس لوي لوك لوكا لوكاس لوسيا لوسي لوتشيانو لوثر
ليا ليام ليبرون ليندا ليندسي ليو ليون ليونارد ليونيل ليونيد ليزا ليز ليوبولد لينا لي ليندسي لولا
ماتيو ماتيا ماثيو ماتياس مادلين مارتا مارتن مارتين ماريا ماريان ماريانا ماريو مارين
مارغريت مارغو ماريانو ماري مارينا مارك ماركو ماركوس مارسيل ماكس ماكسيم مالكوم مانويل ماريون ماسيمو
ماسيمليانو مايا مايك مايكل مايلز ميتش ميت ميشيل ميشال ميغان ميغيل ميلانيا ميلا ميليسا ميخائيل
ميخائيلو ميكائيل ميكا ميكي ميكيل ميلوش ميرزا مورغان مورغن موريس مونيكا مودي مانفريد ماكي
ماتيلدا ماتيوس ماتي ميريام
ناتالي ناتاليا ناتاشا ناثان ناريندرا نانسي نيكول نيكولا نيكولاس نيكولاي نيكي نيلسون نيل نيكي نيوت
نورا نورمان نوح نويل نيكوس نيكيتا ناوتو نوري
هاري هارولد هانز هانس هاينز هاينريش هايكو هرتسل هربرت هنري هنريك هيلاري هيلين هيلموت هيوغو هوغو
هيرمان هوارد هورست هيذر هيرفيه
واين والتر وارين وليام ويليام ويل ويلي ويلسون وندي ويندي وينستون وودرو ولفغانغ
يان يانيس يانا يوري يوليا يوهان يوهانس يوناس يوشكا يورغن يورغ يوشيهيدي يوكيا يولاندا يوسي يفغيني
يفجيني يلينا ياروسلاف ياسوو يوشيهيكو
أرنولد أرماندو أستريد أوستن آشلي أنيتا
إنديرا راهول سونيا راجيف مانموهان أميت أرفيند
أولوسيغون غودلاك محمدو نيلسون كوفي ثابو جاكوب سيريل ييويري أبي فيليكس إيمرسون روبرت
جوليوس كوامي باتريس إدريس أليسان ماكي بوبكر ويليام أوهورو رايلا
لولا ديلما جايير إيفو هوغو نيكولاس أليكسيس غابرييل خافيير سيباستيان
شينزو فوميو يوشيهيدي شيغيرو جونيتشيرو

"""

# Romanised given names whose Arabic form is taken from arabnamer-names (CC BY 4.0) when it holds them:
# this adds the spelling the lexicon gives to names missing above.
FOREIGN_ROMAN = """
aaron abigail abraham ada adam adele adolf adrian adriana agatha agnes aidan alain alan albert alberto
alec alejandro alessandra alessandro alex alexa alexander alexandra alexandre alexei alexey alfonso alfred
alfredo ali alice alicia alison allan allen alma amanda amber amelia amy ana anastasia anatoly andre andrea
andreas andrei andres andrew andrey andy angel angela angelica angelina angelo angus anita ann anna anne
annette annie anthony antoine anton antonio april archie ariel arlene armand arnold arthur arturo ashley
audrey august augusto aurora austin ava axel barbara barry bart beatrice beatriz becky ben benedict
benito benjamin benny bernard bernardo bernie bert beth betty beverly bill billy blake bob bobby bonnie
boris brad bradley brandon brenda brendan brett brian bridget brigitte brooke bruce bruno bryan caleb
calvin camila camille candice carl carla carlo carlos carmen carol caroline carolyn carrie casey
catherine cecilia cedric celine cesar chad charlene charles charlie charlotte chelsea cheryl chester
chloe chris christian christina christine christoph christophe christopher chuck cindy claire clara
clarence claude claudia claudio clayton clement cliff clifford clint clyde colin connie conrad constance
corey craig cristiano cristina curtis cynthia daisy dale damian damien dan dana daniel daniela danielle
danny dante daphne darren dave david dean debbie deborah dennis denis denise derek diana diane diego
dieter dimitri dimitris dmitry dolores dominic dominique don donald donna doris dorothy doug douglas
duncan dustin dwight earl eddie edgar edith edmund edna eduardo edward edwin eileen elaine eleanor elena
eli elias elijah elisa elisabeth elizabeth ella ellen elliot elsa emil emile emilia emilio emily emma
emmanuel enrico enrique eric erica erich erik erin ernest ernesto esther ethan eugene eva evan evelyn
fabian fabio federico felipe felix fernando filippo fiona florence francesca francesco francis
francisco franck francois frank franz fred freddie frederick fritz gabriel gabriela gabrielle gareth
gary gavin gene geoffrey georg george georgia gerald gerard gerhard giacomo gianni gilbert gina giorgio
giovanni giuseppe glen glenn gloria gordon grace graham grant greg gregory greta guido guillaume gunter
gustav gustavo guy hal hank hannah hans harold harriet harry harvey hector heidi heinrich heinz helen
helena helga helmut henri henrik henry herbert herman hilary hillary howard hubert hugh hugo ian igor
ilya ingrid irene iris isaac isabel isabella isabelle ivan ivana jack jackie jacob jacqueline jacques
jake james jamie jan jane janet janice jared jason javier jay jean jeanne jeff jeffrey jennifer jenny
jeremy jerome jerry jesse jessica jesus jill jim jimmy joan joanna joao joaquin jodie joe joel johan
johann johannes john johnny jon jonas jonathan jordan jorge jose josef joseph josephine josh joshua
joyce juan judith judy julia julian juliana julie julien julio julius justin karen karin karl kate
katherine kathleen kathryn katie katrina keith kelly ken kenneth kevin kim kirk klaus kurt kyle lance
larry laura lauren laurence laurent lawrence lea leah lee leo leon leonard leonardo leonid leslie lewis
liam lily linda lindsay lionel lisa lloyd logan lois lorenzo louis louise lucas lucia luciano lucy
luis luigi luis luke lydia lynn madeleine maggie manuel marc marcel marco marcus margaret maria marian
marie marina mario marion marisa mark marko marta martha martin mary mason matilda matt matteo matthew
matthias maurice max maxim maximilian megan melanie melissa michael michel michelle miguel mike
mikhail milan miles miriam mitchell molly monica morgan moses nadia nancy naomi natalia natalie natasha
nathan neil nelson nicholas nick nicola nicolas nicole nigel nikita nikola nikolai nina noah noel nora
norma norman oleg olga oliver olivia olivier omar oscar otto owen pablo paige pamela paolo pascal
patricia patrick paul paula pauline pavel pedro peggy penelope percy peter petra phil philip philippe
phillip pierre pietro rachel rafael ralph ramon randy raul ray raymond rebecca regina reinhard rene
renee rex ricardo richard rick ricky rita rob robert roberta roberto robin rodrigo roger roland roman
ronald ronnie rosa rose ross roy ruben ruby rudolf rudy rupert russell ruth ryan sabine sally sam
samantha samuel sandra sara sarah scott sean sebastian serena sergei sergio seth sharon sheila shirley
sidney silvia simon simone sofia sonia sophia sophie stanley stefan stefano stella stephan stephanie
stephen steve steven stuart susan suzanne svetlana sven sylvia tamara tanya ted teresa terry theo
theodore theresa thierry thomas tim timothy tina toby todd tom tommy toni tony tracy travis trevor
troy tyler ulrich ursula valentina valentin valerie valery vanessa vera veronica vicky victor victoria
vincent viktor vince violet virginia vivian vladimir walter wanda warren wayne wendy werner wilhelm
will william willie wilson winston wolfgang xavier yuri yves yvonne zachary zoe
"""

# Names that are ordinary words too (a quality, a noun, a verb form): they start a name only with a second
# name token or a cue. Also marked: any name whose Zipf frequency reaches COMMON_ZIPF in build_names.py,
# unless it is in NAME_FIRST.
COMMON = """
أمل أمين أمينة أمير أميرة أنور أديب أصيل أسعد إسلام إيمان باسم بدر بديع براء برهان بشرى بيان تمام
ثابت جاد جمال جميل جميلة جهاد جواد حبيب حازم حافظ حامد حسام حسن حسني حكيم حلا حليم حليمة حمد حميد
حنان حنين حياة خالد خليفة خليل خير دلال ذكرى رائد راشد راضي رافع ربيع رجب رحمة رزق رشيد رضا رضوان
رغد رمضان رياض زاهر زكي زين زينة سالم سامي سعادة سعيد سعيدة سلام سلطان سليم سماح سمر سند شادي شاكر
شامل شريف شفيق صابر صادق صافي صالح صباح صبري صفاء صقر صلاح ضياء طالب طاهر ظافر ظاهر عادل عارف عاصم
عاطف عامر عايد عزيز عزيزة عطا علاء عماد عهد عوض غالب غانم فؤاد فاتح فادي فارس فاضل فايز فتحي فجر
فرج فرح فريد فريدة فهد فوز قادر قاسم قمر كامل كرم كريم كريمة كمال لطيف لطيفة لبيب ليث مأمون ماجد
ماهر مالك مؤمن مؤيد مبارك مبروك مجيد محسن مختار مراد مسعود مصطفى معين مفيد منار منصور منير منى مهدي
ناجح نادر ناصر نافع نبيل نبيه نجاح نجاة نجم نجيب نديم نصر نعيم نمر نهاد نور نورة هادي هدى هلال
وحيد وسيم وعد وفاء وفيق ولاء وليد يسرى
آية أروى حياة سحر شروق ضحى عبير غدير غزل فجر قمر مها ندى نسمة هالة هبة وداد
عيد جمعة خميس سبت ميلاد شهد سماء نسيم وسام وجيه زهرة زهور ياسمين فيروز ريم لؤلؤة ماسة مطر
مسلم عربي تركي كردي سوري قائد شيخ أسد نمر صقر ذيب فهد ليث غزال
بول بات جو دان راي كيم لي مي دي فان ديك بن ميل شي بيل
رجاء روعة كفاح وصال وجدان جود فلك ملك عتاب أنهار جنان مطر مشهور مجاهد عابد ساجد فلاح حاكم غيث قيصر
منتظر منتصر معتمد محفوظ مصباح فضل عبادة عطية عودة زهور نجود
إلهام إيمان آمال أنوار إنصاف إقبال أحلام أنغام علا إحسان أكبر أصغر
"""

# Frequent names: frequent in text because they are names (محمد), never a word the news uses otherwise.
NAME_FIRST = """
محمد أحمد محمود علي عمر عثمان يوسف إبراهيم إسماعيل موسى عيسى داود سليمان يحيى زكريا يونس حسين عباس
عمرو سعد سعود فيصل عبد_الله مريم فاطمة خديجة عائشة زينب سارة جون ديفيد مايكل جورج جيمس بيتر باراك
دونالد فلاديمير هيلاري إيمانويل سيرغي بشار صدام حسني معمر رجب أنجيلا بنيامين حيدر مقتدى نوري طارق
أسامة هشام وائل ياسر مروان ماهر زياد أيمن إياد رامي سامر باسل مصعب حمزة بلال أنس معاذ قصي عدي
"""

# Not given names, whatever list or source holds them: surnames (كاميرون، كيري), places, everyday words
# the press rarely uses as a name (تحسين، صغير، بيت), historical epithets, titles, stray letters
# (إتش، جيه) and forms that fold into a frequent word (إلنور is النور).
DROP = """
بطوطة تيمية لادن القيم ماجه حجر حزم رشد دقيق حواوي طويسي زهراني رفاعي قرشي سينا باز عربي كثير
حديد صلوخ قدور مخلوف مخيمر سلوم نصار عنتر حبان جبير شيبة
بشرى سعادة تحسين صغير بيت كاميرون كيري لنا إلنور إتش جيه جي دو أغ فون عيد مودي مسلم
اوباما أوباما جونسون يلتسين كيشيدا أردوغان عرفات مودي
السيد الشيخ الحاج ملا سيد شيخ حاج آية_الله حجة_الإسلام مولانا الأمير أمير
سوريا لبنان مصر العراق
"""
