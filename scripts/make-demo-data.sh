#!/usr/bin/env bash
# How data/demo.json was made: the two cases of ../shared/samples transcribed by hand with caselog's
# own commands, then exported. Re-running it makes new ids; the committed demo.json is the reference.
set -euo pipefail
cd "$(dirname "$0")/.."
db=$(mktemp -d)/demo.db
c() { node bin/caselog --db "$db" "$@" >/dev/null; }

# UA 77/98 — Further information on EXTRA 77/98 (1999)
c add case --ref "UA 77/98" --title "Fear of torture / fear of execution" --country China --country Kazakstan \
  --opened "15 October 1998" --summary "Three young Uighur men who sought asylum in Kazakstan were forcibly returned to China, where they may be tortured and face the death penalty."
c add source --publisher "Amnesty International" --ref "EUR 57/12/98" --title "EXTRA 77/98 Fear of torture / fear of execution" --date "15 October 1998"
c add source --publisher "Amnesty International" --ref "EXTRA 77/98 FI" --title "Further information on EXTRA 77/98 (EUR 57/12/98, 15 October 1998)" --date "Feb 1999"
for who in "Hemit Memet" "Kasim Mahpir" "Ilyas Zordun"; do
  extra=()
  [ "$who" = "Hemit Memet" ] && extra=(--alias "Khamit Memet" --age 28 --age-on "Feb 1999")
  c add person "$who" --case "UA 77/98" --gender male --citizenship Chinese --ethnicity Uighur \
    --risk torture --risk death-penalty --risk arbitrary-detention --risk unfair-trial ${extra[@]+"${extra[@]}"} --new
done
c add event "UA 77/98" --date "15 October 1998" --type report --summary "Urgent Action EXTRA 77/98 issued: the three men at risk of forcible return to China" --source "EUR 57/12/98"
c add event "Hemit Memet" "Kasim Mahpir" "Ilyas Zordun" --date "during 1998" --type other --place Ghulja \
  --actor "Ghulja Municipal Security Bureau" --summary "Warrant issued for the arrest of all three men; wanted posters accuse them of \"separatist\" activities" --source "EXTRA 77/98 FI"
c add event "Hemit Memet" "Kasim Mahpir" "Ilyas Zordun" --date "~1998" --type arrest --place "China-Kazakstan border" \
  --summary "Arrested a few months before their return while trying to cross the border from China into Kazakstan" --source "EXTRA 77/98 FI"
c add event "Hemit Memet" "Kasim Mahpir" "Ilyas Zordun" --date "~1998" --type asylum-application --place Kazakstan \
  --summary "Reportedly sought political asylum in Kazakstan; kept in police custody" --source "EXTRA 77/98 FI"
c add event "Hemit Memet" "Kasim Mahpir" "Ilyas Zordun" --date "11 February 1999" --type deportation --place "Xinjiang Uighur Autonomous Region" \
  --actor "Kazakstan Ministry of National Security" --summary "Forcibly returned to China, as Kazakstan Television reported on 11 February 1999" --source "EXTRA 77/98 FI"
c add event "UA 77/98" --date "Feb 1999" --type report --summary "Further information issued: appeals to the Chinese and Kazakstan authorities" --source "EXTRA 77/98 FI"
c add deadline "UA 77/98" --date "15 March 1999" --warn 14 \
  --note "check with the International Secretariat, or your section office, before sending appeals"

# Its appeals: the six officials to write to, as the Urgent Action gives them, and what to ask of each government.
c add target "JIANG Zemin" --title "President of the People's Republic of China" --country China --language en \
  --address "JIANG Zemin Guojia Zhuxi" --address "Beijingshi" --address "People's Republic of China" --salutation "Your Excellency"
c add target "XIAO Yang" --title "President of the Supreme People's Court of the People's Republic of China" --country China --language en \
  --address "XIAO Yang Yuanzhang" --address "Zuigao Renmin Fayuan" --address "27 Dongjiao Min Xiang" --address "Beijingshi 100726" \
  --address "People's Republic of China" --salutation "Dear President"
c add target "ABDULAHAT Abdurixit" --title "Chairman of the Xinjiang Uighur Autonomous Regional People's Government" --country China --language en \
  --address "ABDULAHAT Abdurixit Zhuxi" --address "Xinjiang Weiwuer Zizhiqu Renmin Zhengfu" --address "2 Zhongshanlu" \
  --address "Wulumuqishi 830041" --address "Xinjiang Weiwuer Zizhiqu" --address "People's Republic of China" --salutation "Dear Chairman"
c add target "Nursultan Abishevich NAZARBAYEV" --title "President of the Republic of Kazakstan" --country Kazakstan --language en \
  --address "Nursultan Abishevich" --address "NAZARBAYEV" --address "Respublika Kazakhstan" --address "g. Astana" --address "Apparat Prezidenta" \
  --address "Prezidentu Respubliki Kazakhstan" --address "NAZARBAYEVU N.A." \
  --fax "(7 3172) 32 72 93 for Head of Presidential Administration, Imangali Tasmagambetov" --salutation "Dear President"
c add target "Zhabaykhan ABDILDIN" --title "Chairman of the Presidential Human Rights Commission of the Republic of Kazakstan" --country Kazakstan --language en \
  --address "Zhabaykhan ABDILDIN" --address "Respublika Kazakhstan" --address "g. Astana" --address "Komissiya po pravam cheloveka pri" \
  --address "Presidente Respubliki Kazakstan" --address "Predsedatelyu ABDILDINU Zh." \
  --fax "(7 3172) 32 72 93 for Head of Presidential Administration" --salutation "Dear Chairman"
c add target "Kasymzhomart Kemel-uly TOKAYEV" --title "Minister of Foreign Affairs of the Republic of Kazakstan" --country Kazakstan --language en \
  --address "Kasymzhomart Kemel-uly" --address "TOKAYEV" --address "Respublika Kazakhstan" --address "g. Astana" --address "ul. Mira, 10" \
  --address "Ministerstvo inostrannykh" --address "del Respubliki Kazakhstan" --address "Ministru TOKAYEVU K.K." \
  --fax "(7 3172) 32 42 64" --salutation "Dear Minister"
c appeal plan "UA 77/98" --target "JIANG Zemin" --target "XIAO Yang" --target "ABDULAHAT Abdurixit" \
  --action "urging the authorities to disclose information about Hemit Memet, Kasim Mahpir and Ilyas Zordun's legal status and whereabouts" \
  --action "seeking immediate assurance from the Chinese authorities that Hemit Memet, Kasim Mahpir and Ilyas Zordun will not be tortured" \
  --action "seeking assurance that Hemit Memet, Kasim Mahpir and Ilyas Zordun will not, in any circumstances, face the death penalty" \
  --action "seeking assurance that any judicial proceedings brought against them will meet all international standards for fair trial" \
  --copies-to "diplomatic representatives of the People's Republic of China and Kazakstan accredited to your country"
c appeal plan "UA 77/98" --target "Nursultan Abishevich NAZARBAYEV" --target "Zhabaykhan ABDILDIN" --target "Kasymzhomart Kemel-uly TOKAYEV" \
  --action "expressing concern that the government of Kazakstan has violated its obligations under international law and has subjected these three men, Hemit Memet, Kasim Mahpir and Ilyas Zordun, who are at risk of torture, arbitrary detention and possible execution, to refoulement"

# Kazakhstan: asylum-seekers prosecuted for crossing the border (2019-2020)
c add case --ref "KZ 2019/12" --title "Asylum-seekers prosecuted, at risk of return to China" --country Kazakhstan --country China \
  --opened "12 December 2019" --summary "Two ethnic Kazakh men who fled Xinjiang face prosecution for illegal border crossing and forcible return to China."
c add source --publisher "Amnesty International" --ref "EUR 57/1572/2019" --date "12 December 2019" \
  --title "Kazakhstan must not return asylum-seekers to Xinjiang Uighur Autonomous Region (XUAR)"
c add source --publisher "Human Rights Watch" --ref "HRW 2020-01 KZ" --date "January 2020" \
  --title "Kazakhstan: don't return asylum seekers to China (updated 21 January 2020)"
c add person "Kaster Musakhanuly" --alias "Qaster Musakhanuly" --alias "Қастер Мұсаханұлы" --case "KZ 2019/12" --age 31 --age-on "January 2020" \
  --gender male --citizenship Chinese --ethnicity Kazakh --risk torture --risk refoulement --risk arbitrary-detention --risk unfair-trial --new
c add person "Murager Alimuly" --case "KZ 2019/12" --age 25 --age-on "January 2020" \
  --gender male --citizenship Chinese --ethnicity Kazakh --risk torture --risk refoulement --risk arbitrary-detention --risk unfair-trial --new
# Protected as HRW's release of 21 January 2020 tells ("resettle in Sweden, where she now lives"); a
# suspended sentence sends nobody to prison, so it is no "sentence" that would make her imprisoned.
c --today 2020-01-21 add person "Sayragul Sauytbai" --alias "Sairagul Sauytbay" --gender female --citizenship Chinese --ethnicity Kazakh --status protected --risk refoulement --new
c add event "Sayragul Sauytbai" --date 2018 --type other --place Kazakhstan --summary "Convicted of illegally crossing the border; suspended sentence; later allowed to resettle in Sweden" --source "HRW 2020-01 KZ"
c add event "Kaster Musakhanuly" "Murager Alimuly" --date "6 October 2019" --type other --place "China-Kazakhstan border" \
  --summary "Crossed the border from Xinjiang into Kazakhstan, fleeing \"political education\" camps" --source "EUR 57/1572/2019"
c add event "Kaster Musakhanuly" "Murager Alimuly" --date "14 October 2019" --type detention --place Almaty \
  --summary "Detained in Almaty, then held near the border with China; in pre-trial detention in East Kazakhstan Region" --source "HRW 2020-01 KZ"
c add event "Kaster Musakhanuly" "Murager Alimuly" --date "2019" --type asylum-application --place Kazakhstan \
  --summary "Applied for asylum in Kazakhstan; the request is pending because of the trial" --source "EUR 57/1572/2019"
c add event "Kaster Musakhanuly" "Murager Alimuly" --date "6 December 2019" --type statement --actor "Darhan Dilmanov, National Security Committee" \
  --summary "Border service director said the two men would be returned to China" --source "EUR 57/1572/2019"
c add event "Kaster Musakhanuly" "Murager Alimuly" --date "December 2019" --type statement --actor "Darkhan Dilmanov, National Security Committee" \
  --summary "Said the two men had \"no chances of staying\" and would be transferred to China after the trial" --source "HRW 2020-01 KZ"
c add event "Kaster Musakhanuly" "Murager Alimuly" --date "6 January 2020" --type hearing --place Zaysan \
  --summary "Trial for illegal border crossing opened; adjourned after two hours and postponed to 21 January; lawyer not allowed to consult her clients" --source "HRW 2020-01 KZ"
c add event "Kaster Musakhanuly" "Murager Alimuly" --date "21 January 2020" --type sentence --place Zaysan \
  --summary "Sentenced to one year in prison for illegal border crossing; the court ruled not to deport them; asylum request still pending" --source "HRW 2020-01 KZ"
c add deadline "KZ 2019/12" --date "21 January 2020" --warn 7 --note "hearing resumes in Zaysan: be ready to act on the verdict"
c add deadline "KZ 2019/12" "Kaster Musakhanuly" "Murager Alimuly" --date "21 July 2020" --warn 14 \
  --note "eligible for release, six months after the sentence: check they are freed and not handed to China"

node bin/caselog --db "$db" export --format json --out data/demo.json
