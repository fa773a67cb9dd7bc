package imagetsne.source.s3;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns what the SDK throws into one line a user can act on, and says which errors end a run. */
final class S3Errors {
    private S3Errors() {}

    /** Errors that every further request would repeat: the run stops instead of skipping every object. */
    private static final Set<String> FATAL_CODES = Set.of("AccessDenied", "AllAccessDisabled", "InvalidAccessKeyId", "SignatureDoesNotMatch",
            "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "NoSuchBucket", "PermanentRedirect", "AuthorizationHeaderMalformed");

    /** True when the error concerns the bucket, the credentials or the connection rather than one object. */
    static boolean isFatal(Throwable e) {
        if (e instanceof AwsServiceException s) {
            String code = code(s);
            return FATAL_CODES.contains(code) || s.statusCode() == 401 || (s.statusCode() == 403 && code.isEmpty());
        }
        return e instanceof SdkClientException;
    }

    /** The one-line message for an error of a request about `what` (an s3:// address). */
    static String describe(Throwable e, String what, S3Config config) {
        String endpoint = S3Clients.endpointName(config);
        if (e instanceof AwsServiceException s) {
            String code = code(s);
            String msg = s.awsErrorDetails() != null && s.awsErrorDetails().errorMessage() != null ? s.awsErrorDetails().errorMessage() : "";
            String bucket = what.startsWith(S3Location.SCHEME) ? what.substring(S3Location.SCHEME.length()).split("/", 2)[0] : what;
            switch (code) {
                case "NoSuchBucket":
                    return "no such bucket: " + bucket + " (at " + endpoint + ")";
                case "AccessDenied", "AllAccessDisabled":
                    return "access denied to " + what + " at " + endpoint + ": the credentials may not list or read it (s3:ListBucket, s3:GetObject)";
                case "InvalidAccessKeyId":
                    return "bad credentials: " + endpoint + " does not know the access key ID (InvalidAccessKeyId); check AWS_ACCESS_KEY_ID or the profile";
                case "SignatureDoesNotMatch":
                    return "bad credentials: the secret key does not match the access key ID at " + endpoint + " (SignatureDoesNotMatch); check AWS_SECRET_ACCESS_KEY";
                case "ExpiredToken", "InvalidToken", "TokenRefreshRequired":
                    return "bad credentials: the session token is expired or invalid (" + code + "); refresh it (aws sso login, or new AWS_SESSION_TOKEN)";
                case "PermanentRedirect", "AuthorizationHeaderMalformed":
                    return "bucket " + bucket + " is in another region than the one configured; set AWS_REGION to its region (" + code + ")";
                case "NoSuchKey":
                    return "no longer in the bucket (listed, then deleted)";
                case "InvalidObjectState":
                    return "archived (Glacier or Deep Archive): restore it before analyzing";
                default:
                    if (s.statusCode() == 403) return "access denied to " + what + " at " + endpoint + " (HTTP 403" + (msg.isEmpty() ? "" : ": " + msg) + ")";
                    if (s.statusCode() == 404 && code.isEmpty()) return "not found: " + what + " at " + endpoint + " (HTTP 404)";
                    return "S3 error " + (code.isEmpty() ? "" : code + " ") + "(HTTP " + s.statusCode() + ") for " + what + (msg.isEmpty() ? "" : ": " + oneLine(msg));
            }
        }
        if (e instanceof SdkClientException) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Unable to load credentials"))
                return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with a profile in ~/.aws/credentials";
            Throwable net = networkCause(e);
            if (net != null) return "cannot reach the S3 endpoint " + endpoint + ": " + networkReason(net);
            return "S3 request for " + what + " failed: " + oneLine(m);
        }
        if (e instanceof SdkException) return "S3 request for " + what + " failed: " + oneLine(String.valueOf(e.getMessage()));
        return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static String code(AwsServiceException s) {
        return s.awsErrorDetails() != null && s.awsErrorDetails().errorCode() != null ? s.awsErrorDetails().errorCode() : "";
    }

    private static Throwable networkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException) return t;
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static String networkReason(Throwable t) {
        if (t instanceof UnknownHostException) return "unknown host " + t.getMessage();
        if (t instanceof SocketTimeoutException) return "no answer in time (" + oneLine(String.valueOf(t.getMessage())) + ")";
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : oneLine(m).toLowerCase(java.util.Locale.ROOT);
    }

    static String oneLine(String m) {
        String first = m.lines().findFirst().orElse(m).trim();
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }
}
