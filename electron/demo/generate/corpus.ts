// What the synthetic texts say. Plain data; bodies.ts decides how often each kind appears.
// Every link uses a reserved example domain (example.com/.net/.org or *.example, RFC 2606) so
// a demo click never lands on a real site. `{slot}`s are filled in by bodies.ts.
import type { Culture } from './names'

/** Replies of a few characters: what most of a real thread is. */
// prettier-ignore
export const SHORT: readonly string[] = [
  'k', 'ok', 'Ok 👍', '👍', '👍🏽', 'yes', 'Yes!', 'no', '?', 'lol', 'haha', 'hahaha', '😂', '😂😂😂',
  '❤️', 'x', 'xx', 'ta', 'Thanks!', 'thx', 'np', 'omw', 'sure', 'Yep', 'Nope', 'brb', '🙏🏾', '✅',
  '!!!', 'Done', 'hmm', 'Night 😴', 'Same', 'Omg', 'Nice one', 'Cool', 'On it', '🤣', 'Love it 😍',
]

/** Everyday English lines. */
// prettier-ignore
export const LINES: readonly string[] = [
  'On my way',
  'Running {n} min late, sorry!',
  'See you at {time}',
  'Did you see the news about the trains? Chaos 🙈',
  'Can you pick up {item} on the way home?',
  'Happy birthday {name}!! 🎉🎂 Have the best day',
  'Love you ❤️',
  'Call me when you can',
  'Are we still on for {day}?',
  'Just landed ✈️',
  "I'm outside",
  'Where are you? I’m at {place}',
  'Can’t talk right now, will call you back',
  'What time does it start?',
  'Thanks so much for {day}, had a great time',
  'Have you fed the cat? 🐈‍⬛',
  'Back in 5',
  'Dinner at {time}? I’ll cook',
  'The café is closed, meet at {place} instead',
  'Do you still have my charger?',
  'Good luck today! You’ve got this 💪🏽',
  'Sending you the photos now',
  'Traffic is awful, {n} more minutes',
  'Who’s bringing {item}?',
  'Fancy a walk {day}?',
  'Bin day tomorrow, don’t forget 🗑️',
  'Just saw your message, yes that works',
  'Congrats!!! So happy for you 🥳',
  'I owe you {amount} for the tickets',
  'Sent you {amount}, check your account',
  'Is the heating on? It’s freezing here 🥶',
  'Kids are asleep, finally 😮‍💨',
  'Meeting ran over, leaving now',
  'Can we move it to {day}?',
  'Got it, thanks',
  'Miss you 🥺',
  'Good morning ☀️',
  'Did you book the table for {time}?',
  'Parcel came for you, left it with the neighbour',
  'Watching the match? 😱',
  'Let me know when you’re home safe',
  'Remember {item} for the party!',
  'That’s hilarious 😂 send it to the group',
  'No worries at all',
  'The train’s cancelled again. Getting the bus from {place}',
  'How did it go?',
  'Feeling better today, thanks for asking',
  'Our Wi-Fi password is Zoë-Ångström-2024 (no spaces)',
]

/** Sentences that make up longer texts. */
// prettier-ignore
export const SENTENCES: readonly string[] = [
  'So I finally spoke to the landlord about the boiler.',
  'He says someone will come round on Thursday between 8 and 12, which is useless because we’re both at work.',
  'I told him that last time nobody turned up and we lost a whole day.',
  'Anyway, the good news is the deposit question is sorted.',
  'Mum called and asked if we’re coming for Sunday lunch; I said probably, depending on the trains.',
  'The café near the station has started doing crêpes and they’re actually really good.',
  'I’ve been thinking about the trip again and I reckon we should do Lisbon first, then Porto.',
  'Flights are cheaper on the Tuesday but the hotel is nicer on the Wednesday.',
  'Also can you remind me what the name of that restaurant was? The one with the amazing jalapeño thing.',
  'Work is mad this week, three deadlines and the printer’s broken again.',
  'The kids want to go to the zoo on Saturday if the weather holds up 🦁.',
  'I know it’s a lot to ask but could you water the plants while we’re away?',
  'The spare key is under the blue pot, not the green one.',
  'Honestly I don’t mind either way, just let me know what suits you.',
  'Did you ever find out what happened with the car insurance?',
  'They charged me twice and it took forty minutes on hold to get through to anyone.',
  'Right, I need to go and make dinner before everyone starts complaining.',
  'Speak later? Love to everyone ❤️',
  'PS: Zoë says hi and wants to know if you still have her umbrella ☂️.',
  'The naïve plan was to finish by five; it is now half past seven.',
  'Meanwhile the neighbour’s dog has learned to open our gate, which is impressive and terrifying.',
  'I’ll send the details by email as well, just in case.',
]

// prettier-ignore
export const SLOTS: Readonly<Record<string, readonly string[]>> = {
  time: ['6', 'half 7', '7:30', '19:45', 'noon', '8ish', '10 past 5', '18h30'],
  place: ['the station', 'the usual place', 'Café Müller', 'the park gates', 'Plaza Mayor', 'the gym', 'the big roundabout', 'Gate B12'],
  item: ['milk', 'bread', 'oat milk', 'batteries', 'crème fraîche', 'jalapeños', 'a birthday card', 'bin bags', 'açaí', 'the crêpe pan'],
  day: ['tomorrow', 'Friday', 'Saturday', 'next week', 'tonight', 'Sunday morning', 'the weekend'],
  amount: ['£12.50', '€40', '$15', '£7', '¥2,000', '₺150', '₹500', '€3,50'],
}

/** Emoji the way phones send them: skin tones, ZWJ families, flags, keycaps, VS16. */
// prettier-ignore
export const EMOJI: readonly string[] = [
  '😀', '😂', '🥲', '😍', '🙌', '👍', '👍🏻', '👍🏽', '👍🏿', '👋🏼', '🙏🏾', '💪🏽', '❤️', '🧡', '💔',
  '🔥', '🎉', '🍕', '☕', '🌧️', '👨‍👩‍👧‍👦', '👩🏽‍💻', '🧑🏿‍🤝‍🧑🏻', '🏳️‍🌈', '🏳️‍⚧️', '👩‍❤️‍👨', '🐈‍⬛',
  '❤️‍🔥', '🇬🇧', '🇫🇷', '🇯🇵', '🇹🇷', '1️⃣', '#️⃣', '🫠', '🤌🏼', '👁️‍🗨️', '🧔🏾‍♂️', '🏃🏻‍♀️',
]

/** Lines with links. Only reserved domains. */
// prettier-ignore
export const LINKS: readonly string[] = [
  'Look at this https://example.com/watch?v=dQw4w9WgXcQ&t=42s 😂',
  'Tickets: https://tickets.example.org/event/2931?seat=F12',
  'Here’s the place https://maps.example.net/?q=51.5007,-0.1246',
  'Recipe → https://example.com/recipes/crème-brûlée',
  'www.example.net/menu is the one I meant',
  'Have you read this? https://news.example/2024/05/why-cats-sit-in-boxes',
  'Shared album: https://photos.example.com/a/Zx9Q3 (password in the other message)',
  'Form is here: https://example.org/forms/signup#step-2 closes Friday',
]

/** Text that has broken renderers, search and layout before: kept as literal text. */
// prettier-ignore
export const ODDITIES: readonly string[] = [
  'javascript:alert(1) ← my cousin says this is a “hack” lol',
  'Try <b>bold</b> & <i>this</i> &amp; see if it renders',
  'Paste this: <img src=x onerror=alert(1)> (joke, don’t)',
  'Zoe\u0308 said the cafe\u0301 is closed (decomposed accents)',
  'Line one\nLine two\n\nLine four',
  '   leading and trailing spaces   ',
  'The meeting is at مكتب ٣ in room 5, بعد الظهر',
  'pass\u200Bword with a zero-width space, and soft\u00ADhyphen',
  '𝓯𝓪𝓷𝓬𝔂 𝓽𝓮𝔁𝓽 from the keyboard app',
  'Ｆｕｌｌｗｉｄｔｈ letters and ﬁ ligature',
  'tab\tseparated\tvalues',
  'Order #4521 for @sam – 100% done ✔︎',
  'file\u202Egnp.exe looks like a png',
  '`code` and *stars* and _underscores_ and ~tilde~',
  'C:\\Users\\zoë\\Desktop\\notes.txt',
  'Ünïcödé ñame in CAPS: ŞÜKRÜ ÅNGSTRÖM',
]

/** First texts from numbers not in the address book. */
// prettier-ignore
export const UNKNOWN_LINES: readonly string[] = [
  'Hi, it’s {name} from the football club, is this still your number?',
  'Sorry, wrong number!',
  'Your driver is outside 🚗',
  'Hi, I’m interested in the bike you listed. Still available?',
  'This is {name}, we met at the conference. Great chatting!',
  'Hello, this is the surgery. Please call us back about your appointment.',
  'Hey, new number, it’s {name}. Save this one 😊',
  'Delivery attempted, no one home. Rebook: https://parcel-redelivery.example/r/8841',
  'Your account has been locked. Verify now: https://secure-login.bank.example/verify',
  'Is this the plumber?',
]

/** Lines in other languages, for contacts who text in their own. */
// prettier-ignore
export const NATIVE: Readonly<Partial<Record<Culture, readonly string[]>>> = {
  ga: ['Go raibh maith agat! 🍀', 'Sláinte! See you in the pub', 'Dia duit, how are things?'],
  fr: ['On se retrouve à 19h ? 😊', 'Ça marche, à tout à l’heure !', 'Désolé, je suis en retard 🙈', 'Bonne journée ! Bisous', 'Tu as reçu mon colis ? Il y a une crème brûlée dedans 😄', 'Joyeux anniversaire ! 🎂 Passe une très belle journée', 'Où es-tu ? Je suis devant la boulangerie'],
  de: ['Bin gleich da!', 'Schöne Grüße aus München 🏔️', 'Können wir das auf Dienstag verschieben?', 'Danke dir, schönes Wochenende!', 'Hast du die Schlüssel? Die Tür ist zu 🙈', 'Größe 42 passt, danke', 'Ich hol noch Brötchen, soll ich dir was mitbringen?'],
  es: ['¿Quedamos mañana por la tarde?', '¡Qué bien! Me alegro mucho 😄', 'Llego en diez minutos, perdón', '¡Feliz cumpleaños! 🥳 Un abrazo enorme', 'Vale, nos vemos en la plaza', 'Gracias por todo, de verdad ❤️', 'Estoy en el andén, ¿dónde estás?'],
  pt: ['Obrigada! Até amanhã 😊', 'Já estou a caminho', 'Parabéns! Muitas felicidades 🎉', 'Não te esqueças do pão', 'Combinado, às oito na estação'],
  sv: ['Tack så mycket! Ses på fredag', 'Jag är på väg, fem minuter', 'Grattis på födelsedagen! 🇸🇪', 'Kan du köpa mjölk på vägen hem?', 'Låter bra, vi hörs'],
  pl: ['Dzięki! Będę za 5 minut', 'Wszystkiego najlepszego! 🎂', 'Gdzie jesteś? Czekam przy wejściu', 'Jasne, nie ma sprawy', 'Zadzwoń, jak będziesz mógł'],
  tr: ['Görüşürüz, iyi akşamlar!', 'Şükrü’ye selam söyle 🙂', 'Yoldayım, on dakikaya oradayım', 'Doğum günün kutlu olsun! 🎉', 'Teşekkür ederim, çok naziksin', 'Çay hazır, gel 🍵'],
  vi: ['Cảm ơn bạn nhiều! Hẹn gặp lại nhé', 'Mình đang trên đường tới', 'Chúc mừng sinh nhật! 🎂', 'Tối nay ăn phở không?', 'Được rồi, để mình gọi lại sau'],
  zh: ['好的，明天见！', '我已经到了，你在哪儿？', '生日快乐！🎂', '谢谢你的帮忙 🙏', '今晚一起吃饭吗？', '没问题，晚点联系'],
  ja: ['了解です！また明日ね 🙏', 'いま駅に着きました', 'お誕生日おめでとう！🎉', 'ありがとうございます、助かりました', '少し遅れます、すみません'],
  ko: ['네 알겠습니다 ㅎㅎ', '지금 출발해요!', '생일 축하해 🎂', '고마워요, 내일 봐요', '저녁 같이 먹을래요?'],
  ar: ['شكراً جزيلاً، أراك غداً', 'أنا في الطريق', 'كل عام وأنت بخير 🎉', 'هل وصلت؟', 'تمام، نتكلم لاحقاً', 'Meeting at 5 في المكتب 👍'],
  hi: ['ठीक है, कल मिलते हैं', 'धन्यवाद! 🙏', 'जन्मदिन मुबारक हो! 🎂', 'Main raste mein hoon, 10 min', 'Haan bilkul, no problem'],
  ru: ['Спасибо, до завтра!', 'Я уже еду', 'С днём рождения! 🎉', 'Позвони, когда сможешь', 'Хорошо, договорились'],
  el: ['Ευχαριστώ πολύ!', 'Έρχομαι σε δέκα λεπτά', 'Χρόνια πολλά! 🎂', 'Τα λέμε αύριο'],
}

export type BusinessKind =
  'bank' | 'delivery' | 'code' | 'carrier' | 'appointment' | 'ride' | 'promo'

/** Alphanumeric senders (at most 11 characters, as the network allows). Fictional brands. */
export const ALPHA_SENDERS: Readonly<Record<BusinessKind, readonly string[]>> = {
  bank: ['AcmeBank', 'Northbank', 'CreditFictf'],
  delivery: ['ParcelFox', 'SpeedyPost', 'Livraison'],
  code: ['Verify', 'AcmeID', 'LoginCode'],
  carrier: ['Vodafone', 'EE', 'Carrier'],
  appointment: ['GPSurgery', 'DentalCare', 'Vet-Clinic'],
  ride: ['RideNow', 'TaxiGo'],
  promo: ['PizzaPlace', 'ShoeShop', 'CinemaCity'],
}

// prettier-ignore
export const BUSINESS: Readonly<Record<BusinessKind, readonly string[]>> = {
  bank: [
    'AcmeBank: A payment of {amount} to {merchant} was made with card ending {d4}. Not you? Call 0161 496 0{d3}.',
    'AcmeBank: Your balance is {amount}. Reply STOP to opt out of alerts.',
    'Northbank: We will never ask for your PIN by text. Your one-time passcode is {d6}.',
  ],
  delivery: [
    'Your parcel {trk} is out for delivery today between {h}:00 and {h2}:00. Track: https://parcelfox.example/t/{trk}',
    'Delivered: your parcel {trk} was left in your safe place (porch). Photo: https://parcelfox.example/p/{trk}',
    'Votre colis {trk} sera livré demain. Suivi : https://livraison.example/{trk}',
  ],
  code: [
    '{d6} is your verification code. Don’t share it with anyone.',
    'Your Acme login code: {d6}. It expires in 10 minutes. If this wasn’t you, ignore this text.',
    'G-{d6} is your verification code.',
    '<#> {d6} is your code. /aBcD3fGh1jK',
  ],
  carrier: [
    'You’ve used 80% of your monthly data allowance. Add more at https://carrier.example/topup',
    'Welcome to France! Calls and texts cost the same as at home. Data: 12GB/day fair use.',
    'Your bill of {amount} is ready. View it at https://carrier.example/bill',
  ],
  appointment: [
    'Reminder: appointment with Dr. Pérez on {day} at {time}. Reply C to cancel.',
    'Your flu jab is due. Book at https://surgery.example.org/book or call 020 7946 0{d3}.',
    'Appointment confirmed for {day}, {time}. Please arrive 10 minutes early.',
  ],
  ride: [
    'Your driver Şükrü is arriving in a grey Toyota Prius (AB12 CDE).',
    'Your ride has arrived. PIN {d4}.',
    'Thanks for riding! Receipt: {amount}. Rate your trip: https://ride.example/r/{d6}',
  ],
  promo: [
    '2 for 1 pizzas tonight only! Use code PIZZA{d3}. Opt out: reply STOP',
    'Summer sale: up to 50% off 👟 https://shoes.example/sale Reply STOP to unsubscribe',
    'Your tickets for {day} {time}: Screen 4, seats F11–F12. Enjoy the film 🍿',
  ],
}

// prettier-ignore
export const MERCHANTS: readonly string[] = ['GROCERS 2231', 'CAFÉ CRÈME*', 'MKTPLACE*2K4', 'CITY TRAVEL CH', 'BOULANGERIE DU PONT', 'RIDENOW *TRIP', 'STREAMFLIX.EXAMPLE']
