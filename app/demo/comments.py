"""Demo comments, written for Apiary: short replies in each demo language, threaded under posts
of the same language."""

COMMENTS: dict[str, list[str]] = {
    "en": [
        "Thanks for writing this up. The part about starting small matches what we saw too.",
        "Do you have a link to the data behind the second point? I'd love to dig in.",
        "Saving this for our team's Friday reading.",
        "Counterpoint: it worked for us only once we wrote the decision down first.",
        "This is the clearest explanation of it I've read.",
        "How long did it take before you noticed a difference?",
    ],
    "es": [
        "Gracias por compartirlo, me lo guardo para el equipo.",
        "¿Tienes el enlace a la fuente? Me interesa mucho el segundo punto.",
        "Nos pasó lo mismo el año pasado; empezar pequeño fue la clave.",
        "Muy claro. ¿Lo repetirías igual la próxima vez?",
    ],
    "ar": [
        "شكرًا على المشاركة، تجربتنا كانت قريبة جدًا من هذا.",
        "هل لديك مصدر للرقم المذكور؟ أودّ الاطلاع عليه.",
        "فكرة رائعة، سأجربها في نهاية الأسبوع.",
        "أتفق معك، البداية الصغيرة هي السر.",
    ],
    "he": [
        "תודה ששיתפת, זה בדיוק מה שחסר לנו.",
        "יש לך קישור למקור? מעניין אותי הנתון השני.",
        "ניסינו משהו דומה, ועבד לנו רק אחרי שהתחלנו בקטן.",
        "שומרת את זה לקריאה של סוף השבוע.",
    ],
    "ur": [
        "شیئر کرنے کا شکریہ، ہمارا تجربہ بھی کچھ ایسا ہی تھا۔",
        "کیا آپ کے پاس اس عدد کا حوالہ ہے؟ میں پڑھنا چاہوں گا۔",
        "بہت واضح بات کی ہے، اگلے ہفتے آزماؤں گی۔",
        "متفق ہوں، چھوٹے قدم سے آغاز ہی اصل راز ہے۔",
    ],
}
