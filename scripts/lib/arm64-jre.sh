# Provides an arm64 (aarch64) Java runtime that runs on an x86_64 host under qemu-user,
# for testing the cross-built library. Sourced by scripts/test-cross.sh.
#
# Debian's arm64 openjdk-17-jre-headless is not installed through multiarch: that would make
# dpkg upgrade the host's own JDK packages in lockstep. apt-get instead downloads the .debs
# with a private configuration (its own package lists and an empty dpkg status, target
# architecture arm64), so the host's dpkg state and architectures are never touched, and
# dpkg-deb unpacks them into a folder that qemu uses as the emulated root (-L).

JB_ARM64_DEBS=(openjdk-17-jre-headless libc6 libgcc-s1 libstdc++6 zlib1g)

# jb_arm64_jre DIR: makes DIR/root hold the runtime (once; reused while DIR/root/.complete
# exists) and DIR/bin/java a wrapper running it under qemu. Prints the wrapper's path.
jb_arm64_jre() {
  local dir=$1 root="$1/root" apt="$1/apt"
  if [ ! -f "$root/.complete" ]; then
    rm -rf "$root" "$apt"
    mkdir -p "$root" "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs"
    : >"$apt/status"
    local opts=(-q -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o "Dir::State::status=$apt/status"
      -o APT::Architecture=arm64 -o APT::Architectures::=arm64 -o APT::Sandbox::User=root)
    apt-get "${opts[@]}" update >"$apt/update.log" 2>&1 || { cat "$apt/update.log" >&2; return 1; }
    (cd "$apt/debs" && apt-get "${opts[@]}" download "${JB_ARM64_DEBS[@]}") >"$apt/download.log" 2>&1 ||
      { cat "$apt/download.log" >&2; return 1; }
    local deb
    for deb in "$apt"/debs/*.deb; do dpkg-deb -x "$deb" "$root"; done
    # The JRE links some files (jvm.cfg, security policy) to /etc: point them inside the root.
    local link target
    while IFS= read -r -d '' link; do
      target=$(readlink "$link")
      rm "$link"
      if [ -e "$root$target" ]; then cp -a "$root$target" "$link"; fi
    done < <(find "$root" -type l -lname '/*' -print0)
    rm -rf "$apt"
    touch "$root/.complete"
  fi
  local jre
  jre=$(echo "$root"/usr/lib/jvm/java-17-openjdk-arm64)
  [ -x "$jre/bin/java" ] || { echo "no arm64 java under $jre" >&2; return 1; }
  mkdir -p "$dir/bin"
  # Surefire's jvm parameter wants a path ending in bin/java and reads ../release for the version.
  cp "$jre/release" "$dir/release"
  cat >"$dir/bin/java" <<WRAPPER
#!/bin/sh
exec qemu-aarch64-static -L "$root" "$jre/bin/java" "\$@"
WRAPPER
  chmod +x "$dir/bin/java"
  echo "$dir/bin/java"
}
