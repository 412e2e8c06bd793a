// HTML to plain text with libxml2's HTML parser (never regexes over tags).
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

#include "ingest/articles/article.h"

namespace ecg::ingest {
namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool NameIs(const xmlNode* n, const char* name) {
  return n->name != nullptr && xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

bool Skipped(const xmlNode* n) {
  for (const char* s :
       {"script", "style", "noscript", "img", "head", "template", "svg", "iframe"}) {
    if (NameIs(n, s)) {
      return true;
    }
  }
  return false;
}

bool Block(const xmlNode* n) {
  for (const char* s : {"p",       "div",     "br",     "h1",     "h2",         "h3",         "h4",
                        "h5",      "h6",      "li",     "tr",     "figure",     "figcaption", "pre",
                        "section", "article", "header", "footer", "blockquote", "table",      "ul",
                        "ol",      "hr",      "main",   "aside",  "title"}) {
    if (NameIs(n, s)) {
      return true;
    }
  }
  return false;
}

// Appends text, collapsing whitespace runs (ASCII and U+3000 stay as they
// are in Chinese text: only ASCII whitespace collapses).
void AppendText(std::string_view s, std::string* out) {
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (space) {
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') {
        out->push_back(' ');
      }
    } else {
      out->push_back(c);
    }
  }
}

void EndLine(std::string* out) {
  while (!out->empty() && out->back() == ' ') {
    out->pop_back();
  }
  if (!out->empty() && out->back() != '\n') {
    out->push_back('\n');
  }
}

// Iterative walk (no recursion: hostile nesting cannot overflow the stack).
void Walk(xmlNode* root, std::string* out) {
  xmlNode* n = root;
  while (n != nullptr) {
    bool descend = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) {
        AppendText(reinterpret_cast<const char*>(n->content), out);
      }
    } else if (n->type == XML_ELEMENT_NODE && !Skipped(n)) {
      if (Block(n)) {
        EndLine(out);
      }
      descend = n->children != nullptr;
    }
    if (descend) {
      n = n->children;
      continue;
    }
    // Climb until a sibling exists, ending lines of the blocks we leave.
    while (n != nullptr && n->next == nullptr) {
      n = n->parent;
      if (n == nullptr || n == root->parent) {
        return;
      }
      if (n->type == XML_ELEMENT_NODE && Block(n)) {
        EndLine(out);
      }
    }
    if (n != nullptr) {
      n = n->next;
    }
  }
}

xmlNode* FindElement(xmlNode* root, const char* name) {
  xmlNode* n = root;
  while (n != nullptr) {
    if (n->type == XML_ELEMENT_NODE && NameIs(n, name)) {
      return n;
    }
    if (n->children != nullptr && n->type == XML_ELEMENT_NODE) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n->next == nullptr) {
      n = n->parent;
      if (n == nullptr || n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE) {
        return nullptr;
      }
    }
    if (n != nullptr) {
      n = n->next;
    }
  }
  return nullptr;
}

}  // namespace

Result<std::string> HtmlToText(std::string_view html, std::string_view file_label,
                               std::string* title) {
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_NOBLANKS));
  if (doc == nullptr) {
    return Status::InvalidArgument(std::string(file_label) + ": byte 0: HTML not parsable");
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  std::string out;
  if (root == nullptr) {
    return out;
  }
  if (title != nullptr) {
    title->clear();
    if (xmlNode* t = FindElement(root, "title")) {
      Walk(t->children, title);
      while (!title->empty() && (title->back() == '\n' || title->back() == ' ')) {
        title->pop_back();
      }
    }
  }
  xmlNode* body = FindElement(root, "body");
  Walk(body != nullptr ? body->children : root, &out);
  EndLine(&out);
  while (!out.empty() && out.back() == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace ecg::ingest
