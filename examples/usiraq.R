#!/usr/bin/env Rscript
# Read the usiraq data package into R, typed from its datapackage.json, and
# check every evidence span against its article. Needs base R and jsonlite
# (Debian: r-base-core r-cran-jsonlite; elsewhere: install.packages("jsonlite")).
#
#   Rscript examples/usiraq.R [FOLDER]    # FOLDER holds datapackage.json;
#                                         # default: dataset/release, or . in the zip
#   source("examples/usiraq.R"); tables <- read_usiraq("dataset/release")
#
# Types come from each CSV resource's Table Schema: integer columns are
# integer, date columns Date, boolean columns logical, the rest character; an
# empty cell is NA. Offsets (char_start, char_end) count Unicode code points
# from 0, as substr() counts the characters of a UTF-8 string from 1, so
# substr(text, char_start + 1, char_end) is the quote. The script exits with
# status 1 if a span differs, 2 if the package cannot be read.

suppressPackageStartupMessages(library(jsonlite))

#' The CSV tables of the package in `folder`, as a named list of data frames.
read_usiraq <- function(folder = "dataset/release") {
  descriptor_path <- file.path(folder, "datapackage.json")
  if (!file.exists(descriptor_path)) {
    stop(descriptor_path, ": no such file (give the folder holding datapackage.json)", call. = FALSE)
  }
  descriptor <- jsonlite::fromJSON(descriptor_path, simplifyVector = FALSE)
  tables <- list()
  for (resource in descriptor$resources) {
    if (identical(resource$type, "table")) {
      tables[[resource$name]] <- read_table(folder, resource)
    }
  }
  tables
}

#' One CSV resource as a data frame, each column converted to its Table Schema type.
read_table <- function(folder, resource) {
  fields <- resource$schema$fields
  names <- vapply(fields, function(field) field$name, "")
  types <- vapply(fields, function(field) field$type, "")
  classes <- ifelse(types == "integer", "integer", "character")
  frame <- utils::read.csv(
    file.path(folder, resource$path),
    colClasses = stats::setNames(classes, names), na.strings = "", encoding = "UTF-8",
    stringsAsFactors = FALSE, check.names = FALSE
  )
  if (!identical(colnames(frame), names)) {
    stop(resource$path, ": the header differs from the Table Schema's fields", call. = FALSE)
  }
  for (index in seq_along(names)) {
    frame[[names[index]]] <- as_type(frame[[names[index]]], types[index], resource$path, names[index])
  }
  frame
}

#' A column read as text, converted to `type` ("date", "boolean"; others unchanged).
as_type <- function(values, type, path, name) {
  if (type == "date") {
    converted <- as.Date(values, format = "%Y-%m-%d")
  } else if (type == "boolean") {
    converted <- c("true" = TRUE, "false" = FALSE)[values]
    names(converted) <- NULL
  } else {
    return(values)
  }
  bad <- which(!is.na(values) & is.na(converted))
  if (length(bad) > 0) {
    stop(path, " row ", bad[1] + 1, " ", name, ": '", values[bad[1]], "' is not a ", type, call. = FALSE)
  }
  converted
}

#' Every evidence span that differs from its article: a data frame of table, row and what differs.
check_spans <- function(tables) {
  texts <- stats::setNames(tables$sources$text, tables$sources$source_id)
  span_columns <- c("source_id", "quote", "char_start", "char_end")
  problems <- list()
  checked <- 0L
  for (name in names(tables)) {
    frame <- tables[[name]]
    if (!all(span_columns %in% colnames(frame))) next
    rows <- which(!is.na(frame$quote))
    found <- substr(texts[frame$source_id[rows]], frame$char_start[rows] + 1L, frame$char_end[rows])
    bad <- rows[is.na(found) | found != frame$quote[rows]]
    checked <- checked + length(rows)
    if (length(bad) > 0) {
      problems[[name]] <- data.frame(table = name, row = bad + 1L, quote = frame$quote[bad], stringsAsFactors = FALSE)
    }
  }
  result <- do.call(rbind, c(list(data.frame(table = character(), row = integer(), quote = character())), problems))
  attr(result, "checked") <- checked
  result
}

main <- function(arguments) {
  folder <- if (length(arguments) > 0) arguments[1] else if (file.exists("datapackage.json")) "." else "dataset/release"
  tables <- tryCatch(read_usiraq(folder), error = function(error) {
    message("usiraq.R: ", conditionMessage(error))
    quit(status = 2)
  })
  for (name in names(tables)) {
    frame <- tables[[name]]
    kinds <- vapply(frame, function(column) class(column)[1], "")
    counts <- table(factor(kinds, levels = c("character", "integer", "Date", "logical")))
    cat(sprintf("%-20s %5d rows  %s\n", name, nrow(frame), paste(names(counts), counts, sep = ": ", collapse = ", ")))
  }
  problems <- check_spans(tables)
  if (nrow(problems) > 0) {
    for (index in seq_len(nrow(problems))) {
      message(sprintf("%s row %d: the quote is not at its offsets: %s", problems$table[index], problems$row[index],
                      problems$quote[index]))
    }
    message(sprintf("%d of %d evidence spans differ from their articles", nrow(problems), attr(problems, "checked")))
    quit(status = 1)
  }
  cat(sprintf("%d evidence spans checked: every quote is its article's text at its offsets\n", attr(problems, "checked")))
}

if (sys.nframe() == 0L) {
  main(commandArgs(trailingOnly = TRUE))
}
