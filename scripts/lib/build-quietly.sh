# jb_build_quietly: mvn package for the demos, its output in target/demo-build.log, shown only
# when the build fails. Sourced by scripts/demo*.sh after scripts/lib/packages.sh.
jb_build_quietly() {
  jb_install_packages
  mkdir -p target
  echo "Building javabridge (mvn package; log: target/demo-build.log) ..."
  if ! mvn -B -ntp package -DskipTests >target/demo-build.log 2>&1; then
    cat target/demo-build.log
    echo "demo: the build failed; its log is above and in target/demo-build.log" >&2
    exit 1
  fi
  echo
}
