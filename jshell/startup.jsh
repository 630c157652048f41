// Start-up script for bin/sdk-jshell: imports the SDK's API packages (every package of sdk-core that is
// not internal; samples/src/test/.../JShellWalkthroughTest fails when one is missing).
import io.clusterstacks.core.*
import io.clusterstacks.core.cloud.*
import io.clusterstacks.core.flavor.*
import io.clusterstacks.core.image.*
import io.clusterstacks.core.manifest.*
import io.clusterstacks.core.model.*
import io.clusterstacks.core.plan.*
import io.clusterstacks.core.stack.*
import io.clusterstacks.core.validation.*
import java.nio.file.*
