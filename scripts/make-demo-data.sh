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
c add person "Sayragul Sauytbai" --alias "Sairagul Sauytbay" --gender female --citizenship Chinese --ethnicity Kazakh --status protected --risk refoulement --new
c add event "Sayragul Sauytbai" --date 2018 --type sentence --place Kazakhstan --summary "Convicted of illegally crossing the border; suspended sentence; later allowed to resettle in Sweden" --source "HRW 2020-01 KZ"
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
