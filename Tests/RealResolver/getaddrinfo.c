/* One getaddrinfo(3) call the way most clients make it (AF_UNSPEC, SOCK_STREAM, no flags), built once
 * against glibc and once against musl by the real-resolver tests. Prints `ok` and one `A`/`AAAA` line per
 * distinct address in the order the libc returned them, or `error NAME CODE: gai_strerror text`. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static const char *code_name(int code) {
    switch (code) {
    case EAI_NONAME: return "EAI_NONAME";
    case EAI_AGAIN: return "EAI_AGAIN";
    case EAI_FAIL: return "EAI_FAIL";
    case EAI_FAMILY: return "EAI_FAMILY";
    case EAI_MEMORY: return "EAI_MEMORY";
    case EAI_SERVICE: return "EAI_SERVICE";
    case EAI_SYSTEM: return "EAI_SYSTEM";
#ifdef EAI_NODATA
    case EAI_NODATA: return "EAI_NODATA";
#endif
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY: return "EAI_ADDRFAMILY";
#endif
    default: return "EAI_OTHER";
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s NAME\n", argv[0]);
        return 2;
    }
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    struct addrinfo *result = NULL;
    int code = getaddrinfo(argv[1], NULL, &hints, &result);
    if (code != 0) {
        printf("error %s %d: %s\n", code_name(code), code, gai_strerror(code));
        return 1;
    }
    printf("ok\n");
    char seen[64][INET6_ADDRSTRLEN + 6];
    int count = 0;
    for (struct addrinfo *ai = result; ai != NULL; ai = ai->ai_next) {
        char text[INET6_ADDRSTRLEN + 6];
        char address[INET6_ADDRSTRLEN];
        if (ai->ai_family == AF_INET) {
            inet_ntop(AF_INET, &((struct sockaddr_in *)ai->ai_addr)->sin_addr, address, sizeof address);
            snprintf(text, sizeof text, "A %s", address);
        } else if (ai->ai_family == AF_INET6) {
            inet_ntop(AF_INET6, &((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr, address, sizeof address);
            snprintf(text, sizeof text, "AAAA %s", address);
        } else {
            continue;
        }
        int duplicate = 0;
        for (int i = 0; i < count; i++) duplicate |= strcmp(seen[i], text) == 0;
        if (duplicate || count == 64) continue;
        strcpy(seen[count++], text);
        printf("%s\n", text);
    }
    freeaddrinfo(result);
    return 0;
}
