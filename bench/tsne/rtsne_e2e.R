# Rtsne end to end, as a user runs it on raw pixels: read the IDX file, Rtsne with its own PCA (prcomp,
# 784 -> 50), perplexity 30, theta 0.5, 1000 iterations, 2 threads; write the layout. The caller times
# the whole Rscript process.
#   Rscript rtsne_e2e.R IMAGES-idx3-ubyte.gz OUT.csv [N]   (the first N images, all by default)
args <- commandArgs(TRUE)
suppressMessages(library(Rtsne))
con <- gzfile(args[1], 'rb')
h <- readBin(con, 'integer', 4, size = 4, endian = 'big')
stopifnot(h[1] == 2051)
n <- if (length(args) >= 3) min(as.integer(args[3]), h[2]) else h[2]
X <- matrix(as.numeric(as.integer(readBin(con, 'raw', n * h[3] * h[4]))), ncol = h[3] * h[4], byrow = TRUE)
close(con)
set.seed(42)
t <- system.time(r <- Rtsne(X, dims = 2, initial_dims = 50, pca = TRUE, perplexity = 30, theta = 0.5, max_iter = 1000,
                            num_threads = 2, check_duplicates = FALSE))[['elapsed']]
write.table(r$Y, args[2], sep = ',', row.names = FALSE, col.names = FALSE)
cat(sprintf('seconds=%.2f kl=%.4f\n', t, tail(r$itercosts, 1)))
