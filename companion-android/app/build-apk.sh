#!/usr/bin/env bash
# Builds the signed Textbridge companion APK without Gradle. The pipeline is explained in
# companion-android/BUILD.md.
#
#   bash companion-android/app/build-apk.sh [extra Maven args]
#       The whole build (what `npm run apk` runs): Maven resolves the jars and calls the two
#       stages below; tests are skipped (`mvn -f companion-android/pom.xml verify` runs them).
#   build-apk.sh resources   Maven's generate-sources: aapt -> R.java, resources.ap_, keep rules
#   build-apk.sh apk         Maven's package: R8 -> classes.dex, add to APK, zipalign, apksigner
#
# Signing: a debug key made with keytool on first use, or a release key from
# TEXTBRIDGE_KEYSTORE, TEXTBRIDGE_KEYSTORE_PASS, TEXTBRIDGE_KEY_ALIAS, TEXTBRIDGE_KEY_PASS.
set -euo pipefail

APP_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ANDROID_DIR="$(dirname "$APP_DIR")"
TARGET="$APP_DIR/target"
WORK="$TARGET/apk"
MIN_SDK=26
FRAMEWORK_RES="${TEXTBRIDGE_FRAMEWORK_RES:-/usr/share/android-framework-res/framework-res.apk}"

die() {
  echo "build-apk: $*" >&2
  exit 1
}

need() { # command, Debian package that has it
  command -v "$1" >/dev/null 2>&1 || die "$1 not found (Debian: apt-get install $2)"
}

# 1.2.3 -> 10203: grows with every release so Android accepts the update over the old one.
version_code() {
  if [ -n "${TEXTBRIDGE_VERSION_CODE:-}" ]; then
    echo "$TEXTBRIDGE_VERSION_CODE"
    return
  fi
  local major minor patch
  IFS=. read -r major minor patch <<<"${1%%-*}"
  echo $((${major:-0} * 10000 + ${minor:-0} * 100 + ${patch:-0}))
}

stage_resources() {
  need aapt aapt
  [ -f "$FRAMEWORK_RES" ] || die "$FRAMEWORK_RES missing (Debian: apt-get install android-framework-res)"
  local version="${TB_VERSION_NAME:?set by Maven}"
  local gen="$TARGET/generated-sources/aapt"
  # Start clean: a library jar left from a dependency since removed would otherwise end up in
  # the APK (Maven copies the current libraries again in prepare-package).
  rm -rf "$WORK"
  mkdir -p "$gen" "$WORK/r-java"
  # -m -J: R.java by package; -G: keep rules for classes the manifest and layouts name;
  # -0 arsc: Android 11+ refuses an APK whose resources.arsc is compressed.
  aapt package -f -m \
    -M "$APP_DIR/src/main/AndroidManifest.xml" \
    -S "$APP_DIR/src/main/res" \
    -I "$FRAMEWORK_RES" \
    -J "$WORK/r-java" \
    -G "$WORK/aapt-rules.pro" \
    -F "$WORK/resources.ap_" \
    -0 arsc \
    --version-code "$(version_code "$version")" \
    --version-name "$version"
  # Replace R.java only when it changed, so an unchanged build does not recompile every class.
  local r_java=app/textbridge/companion/R.java
  if ! cmp -s "$WORK/r-java/$r_java" "$gen/$r_java"; then
    rm -rf "$gen"
    mkdir -p "$gen"
    cp -R "$WORK/r-java/." "$gen/"
  fi
}

# Checked before R8 runs, so a missing password fails in a second, not after the dexing.
check_release_key() {
  [ -n "${TEXTBRIDGE_KEYSTORE:-}" ] || return 0
  [ -f "$TEXTBRIDGE_KEYSTORE" ] || die "TEXTBRIDGE_KEYSTORE=$TEXTBRIDGE_KEYSTORE does not exist"
  [ -n "${TEXTBRIDGE_KEYSTORE_PASS:-}" ] || die "TEXTBRIDGE_KEYSTORE_PASS is not set"
  [ -n "${TEXTBRIDGE_KEY_ALIAS:-}" ] || die "TEXTBRIDGE_KEY_ALIAS is not set"
}

sign() { # unsigned-aligned.apk, output.apk
  local in="$1" out="$2"
  if [ -n "${TEXTBRIDGE_KEYSTORE:-}" ]; then
    export TEXTBRIDGE_KEYSTORE_PASS
    export TEXTBRIDGE_KEY_PASS="${TEXTBRIDGE_KEY_PASS:-$TEXTBRIDGE_KEYSTORE_PASS}"
    # env: keeps the passwords off the command line (and out of ps).
    apksigner sign --ks "$TEXTBRIDGE_KEYSTORE" --ks-key-alias "$TEXTBRIDGE_KEY_ALIAS" \
      --ks-pass env:TEXTBRIDGE_KEYSTORE_PASS --key-pass env:TEXTBRIDGE_KEY_PASS \
      --v1-signing-enabled false --v4-signing-enabled false --out "$out" "$in"
    echo "build-apk: signed with the release key '$TEXTBRIDGE_KEY_ALIAS' from $TEXTBRIDGE_KEYSTORE"
  else
    local ks="${TEXTBRIDGE_DEBUG_KEYSTORE:-$ANDROID_DIR/target/debug-keys/debug.keystore}"
    if [ ! -f "$ks" ]; then
      mkdir -p "$(dirname "$ks")"
      # Android's debug-key conventions (alias androiddebugkey, password android), so an
      # existing ~/.android/debug.keystore also works as TEXTBRIDGE_DEBUG_KEYSTORE.
      keytool -genkeypair -noprompt -keystore "$ks" -storetype PKCS12 \
        -storepass android -keypass android -alias androiddebugkey \
        -keyalg RSA -keysize 2048 -validity 10000 \
        -dname "CN=Textbridge Debug,O=Textbridge,C=US" >/dev/null
      echo "build-apk: made a debug keystore at $ks"
    fi
    apksigner sign --ks "$ks" --ks-key-alias androiddebugkey \
      --ks-pass pass:android --key-pass pass:android \
      --v1-signing-enabled false --v4-signing-enabled false --out "$out" "$in"
    echo "build-apk: signed with the debug key in $ks (not for distribution)"
  fi
}

stage_apk() {
  need aapt aapt
  need zipalign zipalign
  need apksigner apksigner
  need keytool openjdk-17-jdk-headless
  local java_home="${TB_JAVA_HOME:?set by Maven}"
  local r8="${TB_R8_JAR:?set by Maven}" android_jar="${TB_ANDROID_JAR:?set by Maven}"
  local app_jar="${TB_APP_JAR:?set by Maven}" libs="${TB_LIBS_DIR:?set by Maven}"
  local out
  out="$(realpath -m "${TB_APK_OUT:?set by Maven}")"
  [ -f "$WORK/resources.ap_" ] || die "run the resources stage first"
  check_release_key

  # Program: the app, core and every runtime library. Library (referenced, never packaged):
  # the Android framework and the JDK's classes, which stand in for Android's java.* here.
  local program=("$app_jar")
  local jar
  for jar in "$libs"/*.jar; do
    [ -e "$jar" ] && program+=("$jar")
  done
  local dex="$WORK/dex"
  rm -rf "$dex"
  mkdir -p "$dex"
  # R8 shrinks (Bouncy Castle is big, the app uses a sliver), desugars Java 11 for minSdk 26 and
  # dexes. It ignores META-INF/versions/** in multi-release jars and applies the keep rules
  # libraries embed (gson's META-INF/proguard). --no-data-resources: only code goes in the dex;
  # jar signatures and licences from the libraries would only confuse the APK.
  # C1 only and ParallelGC: R8 is a short job, and on 2 cores this halves its time. The
  # options are split into words on purpose.
  # shellcheck disable=SC2086
  "$java_home/bin/java" ${TEXTBRIDGE_R8_JVM_OPTS:--XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xmx3g} \
    -cp "$r8" com.android.tools.r8.R8 \
    --release --min-api "$MIN_SDK" --no-data-resources \
    --lib "$android_jar" --lib "$java_home" \
    --pg-conf "$WORK/aapt-rules.pro" \
    --pg-conf "$APP_DIR/proguard-rules.pro" \
    --pg-map-output "$WORK/mapping.txt" \
    --output "$dex" \
    "${program[@]}" >"$WORK/r8.log" 2>&1 || {
    cat "$WORK/r8.log" >&2
    die "R8 failed"
  }
  # R8 reports every embedded rule that matched nothing as "Info"; keep warnings and errors.
  grep -v -e '^Info' -e '^Proguard configuration rule does not match anything' "$WORK/r8.log" \
    | grep -i -B1 -A3 'warning\|error' >&2 || true

  local unsigned="$WORK/unsigned.apk" aligned="$WORK/aligned.apk"
  cp "$WORK/resources.ap_" "$unsigned"
  (cd "$dex" && aapt add "$unsigned" classes*.dex >/dev/null)
  zipalign -f 4 "$unsigned" "$aligned"
  mkdir -p "$(dirname "$out")"
  sign "$aligned" "$out"
  apksigner verify "$out"
  echo "build-apk: $out ($(wc -c <"$out") bytes)"
}

full_build() {
  need mvn maven
  mvn -B -q -Dstyle.color=never -f "$ANDROID_DIR/pom.xml" -pl app -am package -DskipTests "$@"
  echo "APK: $ANDROID_DIR/target/textbridge-companion.apk"
}

case "${1:-}" in
  resources) stage_resources ;;
  apk) stage_apk ;;
  *) full_build "$@" ;;
esac
