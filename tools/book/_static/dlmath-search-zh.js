// The Chinese edition's search page. Sphinx 9.0 writes `window.Stemmer = ChineseStemmer;` into the
// Chinese language_data.js but never defines ChineseStemmer (Chinese search stems its Latin words with
// the English stemmer; sphinx-doc/sphinx#14229), so the search stops on a ReferenceError. This script
// loads before language_data.js; a Sphinx that names EnglishStemmer there never calls it.
var ChineseStemmer = function () { return new EnglishStemmer(); };
